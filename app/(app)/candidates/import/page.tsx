import type { Metadata } from 'next';
import { AccessDenied, BackLink, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getOpening } from '@/lib/openings/queries';
import { orNotFound, requirePageContext } from '../../page-context';
import { CandidateImport } from './candidate-import';

export const metadata: Metadata = { title: 'Import candidates' };

export default async function ImportCandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:write')) return <AccessDenied what="importing candidates" />;
  const { openingId: rawOpeningId } = await searchParams;
  const openingId = Array.isArray(rawOpeningId) ? rawOpeningId[0] : rawOpeningId;
  // From an opening's page: name it, so the recruiter sees where the rows go. A wrong id is a 404.
  const opening = openingId ? (await orNotFound(getOpening(ctx, openingId))).opening : null;
  return (
    <div className="max-w-3xl">
      {opening ? <BackLink href={`/openings/${opening.id}`}>{opening.title}</BackLink> : null}
      <PageHeader
        title={opening ? `Import candidates into ${opening.title}` : 'Import candidates'}
        description={
          opening
            ? `Every row is checked first; nothing is written unless the whole file is valid. Rows without an opening column apply to ${opening.title}; an opening column names another opening by its title.`
            : 'Every row is checked first; nothing is written unless the whole file is valid. The opening column matches an opening’s title.'
        }
      />
      <Card className="p-6">
        <CandidateImport openingId={opening?.id} />
      </Card>
    </div>
  );
}
