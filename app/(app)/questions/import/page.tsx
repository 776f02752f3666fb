import type { Metadata } from 'next';
import { AccessDenied, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { QuestionImport } from './question-import';

export const metadata: Metadata = { title: 'Import questions' };

export default async function ImportQuestionsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:write')) return <AccessDenied what="importing questions" />;
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Import questions"
        description="Every row is checked first. If any row has a problem, you see each one by row and field and nothing is written. Rows with an id from an earlier export update that question as a new version."
      />
      <Card className="p-6">
        <QuestionImport />
      </Card>
      <p className="mt-4 text-sm text-slate-600">
        Tip: export your bank first (Questions → Export) to get a file with every column filled in. Skills are referenced by slug, for example <code>rest-api-design</code>.
      </p>
    </div>
  );
}
