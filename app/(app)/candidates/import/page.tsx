import type { Metadata } from 'next';
import { AccessDenied, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { CandidateImport } from './candidate-import';

export const metadata: Metadata = { title: 'Import candidates' };

export default async function ImportCandidatesPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:write')) return <AccessDenied what="importing candidates" />;
  return (
    <div className="max-w-3xl">
      <PageHeader title="Import candidates" description="Every row is checked first; nothing is written unless the whole file is valid. The opening column matches an opening’s title." />
      <Card className="p-6">
        <CandidateImport />
      </Card>
    </div>
  );
}
