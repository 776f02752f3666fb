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
      <div className="mt-4 space-y-2 text-sm text-slate-600">
        <p>
          Start from a template with every column and one example question:{' '}
          <a className="font-medium text-brand-700 underline" href="/api/v1/questions/template?format=csv" download>
            CSV template
          </a>{' '}
          or{' '}
          <a className="font-medium text-brand-700 underline" href="/api/v1/questions/template?format=json" download>
            JSON example
          </a>
          . Or export your bank (Questions → Export) to edit your own questions: rows that keep their id update that question.
        </p>
        <p>
          Skills are referenced by slug, for example <code>rest-api-design</code> (see Questions → Skills). In CSV, list cells (listen for, red flags,
          follow-ups, secondary skills) hold one item per line. Errors name the spreadsheet row: the header is row 1, the first question row 2.
        </p>
      </div>
    </div>
  );
}
