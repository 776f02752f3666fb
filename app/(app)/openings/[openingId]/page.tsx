import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, BackLink, Badge, ButtonLink, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getOpeningOverview } from '@/lib/openings/queries';
import { OPENING_STATUS_LABELS } from '@/lib/openings/schemas';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { orNotFound, requirePageContext } from '../../page-context';

export const metadata: Metadata = { title: 'Opening' };

const tone = { active: 'brand', hired: 'green', rejected: 'red', withdrawn: 'slate' } as const;

export default async function OpeningPage({ params }: { params: Promise<{ openingId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:read')) return <AccessDenied what="openings" />;
  const { openingId } = await params;
  const data = await orNotFound(getOpeningOverview(ctx, openingId));
  return (
    <>
      <BackLink href="/openings">Openings</BackLink>
      <PageHeader
        title={data.opening.title}
        description={
          <>
            <Badge tone={data.opening.status === 'open' ? 'green' : 'slate'}>{OPENING_STATUS_LABELS[data.opening.status]}</Badge> {LEVEL_LABELS[data.opening.level]} ·{' '}
            {data.opening.description || 'No description'}
          </>
        }
        actions={can(ctx, 'opening:write') ? <ButtonLink href={`/openings/${data.opening.id}/edit`} variant="secondary">Edit opening</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-4 lg:col-span-2">
          <h2 className="font-semibold">Candidates ({data.applications.length})</h2>
          {data.applications.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No candidates yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200">
              {data.applications.map((a) => (
                <li key={a.id} className="flex items-center justify-between py-2 text-sm">
                  <Link href={`/candidates/${a.candidateId}`} className="font-medium text-brand-700 hover:underline">
                    {a.candidateName}
                  </Link>
                  <span className="flex items-center gap-2 text-slate-600">
                    {a.currentStage ?? 'Not started'} <Badge tone={tone[a.stage]}>{a.stage}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <Card className="p-4">
            <h2 className="font-semibold">Interview loop</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
              {data.stages.map((s) => (
                <li key={s.id}>
                  {s.name} · {s.durationMinutes} min{s.kitName ? ` · ${s.kitName}` : ''}
                </li>
              ))}
            </ol>
          </Card>
          <Card className="p-4">
            <h2 className="font-semibold">Skill weights</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {data.weights.map((w) => (
                <li key={w.skillId} className="flex justify-between">
                  <span>{w.name}</span>
                  <span className="tabular-nums text-slate-600">{w.weight}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
