import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, ButtonLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listOpenings } from '@/lib/openings/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';
import { plural } from '@/lib/text';

export const metadata: Metadata = { title: 'Openings' };

export default async function OpeningsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:read')) return <AccessDenied what="openings" />;
  const openings = await listOpenings(ctx);
  return (
    <>
      <PageHeader
        title="Openings"
        description="Roles you are hiring for, each with its interview loop."
        actions={can(ctx, 'opening:write') ? <ButtonLink href="/openings/new">New opening</ButtonLink> : null}
      />
      {openings.length === 0 ? (
        <EmptyState title="No openings yet" action={can(ctx, 'opening:write') ? <ButtonLink href="/openings/new">Create an opening</ButtonLink> : null} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200">
            {openings.map((o) => (
              <li key={o.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <Link href={`/openings/${o.id}`} className="font-medium text-brand-700 hover:underline">
                  {o.title}
                </Link>
                <span className="flex items-center gap-2 text-slate-600">
                  {LEVEL_LABELS[o.level]} · {plural(o.applications, 'candidate')} <Badge>{o.status.replace('_', ' ')}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
