import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, ButtonLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { listCandidates } from '@/lib/candidates/queries';
import { can } from '@/lib/context';
import { listOpenings } from '@/lib/openings/queries';
import { requirePageContext } from '../page-context';
import { NewCandidateForm } from './candidate-forms';

export const metadata: Metadata = { title: 'Candidates' };

const tone = { active: 'brand', hired: 'green', rejected: 'red', withdrawn: 'slate' } as const;

export default async function CandidatesPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:read')) return <AccessDenied what="candidates" />;
  const [rows, openings] = await Promise.all([listCandidates(ctx), listOpenings(ctx)]);
  const canWrite = can(ctx, 'candidate:write');
  return (
    <>
      <PageHeader
        title="Candidates"
        description="People applying to your openings and where each application stands."
        actions={canWrite ? <ButtonLink variant="secondary" href="/candidates/import">Import CSV</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div>
          {rows.length === 0 ? (
            <EmptyState title="No candidates yet">Add one with the form, or import a CSV.</EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-200">
                {rows.map((c) => (
                  <li key={`${c.id}-${c.opening}`} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                    <span>
                      <Link href={`/candidates/${c.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.name}
                      </Link>{' '}
                      <span className="text-slate-600">{c.email}</span>
                    </span>
                    <span className="flex items-center gap-2 text-slate-600">
                      {c.opening ?? 'No application'} {c.stage ? <Badge tone={tone[c.stage]}>{c.stage}</Badge> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        {canWrite ? (
          <Card className="h-fit p-4">
            <h2 className="mb-3 font-semibold">Add a candidate</h2>
            <NewCandidateForm openings={openings.filter((o) => o.status === 'open').map((o) => ({ id: o.id, title: o.title }))} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
