import type { Metadata } from 'next';
import { AccessDenied, Badge, Card, ComingSoon, EmptyState } from '@/app/_components/ui';
import { listCandidates } from '@/lib/candidates/queries';
import { can } from '@/lib/context';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Candidates' };

const tone = { active: 'brand', hired: 'green', rejected: 'red', withdrawn: 'slate' } as const;

export default async function CandidatesPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:read')) return <AccessDenied what="candidates" />;
  const rows = await listCandidates(ctx);
  return (
    <>
      <ComingSoon
        title="Candidates"
        description="People applying to your openings and where each application stands."
        bullets={['Create, edit and import candidates from CSV', 'Move applications between stages, every move audited']}
      />
      <h2 className="mb-3 mt-8 text-base font-semibold">All candidates ({rows.length})</h2>
      {rows.length === 0 ? (
        <EmptyState title="No candidates yet" />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {rows.map((c) => (
              <li key={`${c.id}-${c.opening}`} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="font-medium">{c.name}</span> <span className="text-slate-600">{c.email}</span>
                </span>
                <span className="flex items-center gap-2 text-slate-600">
                  {c.opening ?? 'No application'} {c.stage ? <Badge tone={tone[c.stage]}>{c.stage}</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
