import type { Metadata } from 'next';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listKits } from '@/lib/kits/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Kits' };

export default async function KitsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:read')) return <AccessDenied what="interview kits" />;
  const kits = await listKits(ctx);
  return (
    <>
      <PageHeader title="Interview kits" description="Ordered plans for one interview: questions, a time budget and the skills they evaluate. The kit builder is coming next." />
      {kits.length === 0 ? (
        <EmptyState title="No kits yet" />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {kits.map((kit) => (
            <li key={kit.id}>
              <Card className="h-full p-4">
                <div className="flex items-start justify-between gap-2">
                  <h2 className="font-semibold text-slate-900">{kit.name}</h2>
                  {kit.isTemplate ? <Badge tone="brand">Template</Badge> : <Badge tone="green">v{kit.latestVersion}</Badge>}
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {kit.roleTitle} · {LEVEL_LABELS[kit.level as keyof typeof LEVEL_LABELS] ?? kit.level} · {kit.targetMinutes} min
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
