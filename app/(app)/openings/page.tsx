import type { Metadata } from 'next';
import { AccessDenied, Badge, Card, ComingSoon, EmptyState } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listOpenings } from '@/lib/openings/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Openings' };

export default async function OpeningsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:read')) return <AccessDenied what="openings" />;
  const openings = await listOpenings(ctx);
  return (
    <>
      <ComingSoon
        title="Openings"
        description="Roles you are hiring for, each with its interview loop."
        bullets={['Create openings with a hiring manager and skill weights', 'Define the loop: ordered stages, each with a published kit']}
      />
      <h2 className="mb-3 mt-8 text-base font-semibold">Current openings</h2>
      {openings.length === 0 ? (
        <EmptyState title="No openings yet" />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {openings.map((o) => (
              <li key={o.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <span className="font-medium">{o.title}</span>
                <span className="flex items-center gap-2 text-slate-600">
                  {LEVEL_LABELS[o.level]} · {o.applications} candidates <Badge>{o.status.replace('_', ' ')}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
