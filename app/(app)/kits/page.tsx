import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, ButtonLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listKits } from '@/lib/kits/queries';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Kits' };

export default async function KitsPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:read')) return <AccessDenied what="interview kits" />;
  const kits = await listKits(ctx);
  const { error } = await searchParams;
  const ours = kits.filter((k) => !k.builtin);
  const templates = kits.filter((k) => k.builtin);
  const card = (kit: (typeof kits)[number]) => (
    <li key={kit.id}>
      <Card className="h-full p-4">
        <div className="flex items-start justify-between gap-2">
          <h3 className="font-semibold">
            <Link href={`/kits/${kit.id}`} className="text-brand-700 hover:underline">
              {kit.name}
            </Link>
          </h3>
          {kit.builtin ? (
            <Badge tone="brand">Template</Badge>
          ) : kit.hasDraft ? (
            <Badge tone="amber">{kit.publishedVersion ? `v${kit.publishedVersion} + draft` : 'Draft'}</Badge>
          ) : (
            <Badge tone="green">Published v{kit.publishedVersion}</Badge>
          )}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {kit.roleTitle} · {LEVEL_LABELS[kit.level as keyof typeof LEVEL_LABELS] ?? kit.level} · {kit.targetMinutes} min
        </p>
      </Card>
    </li>
  );
  return (
    <>
      <PageHeader
        title="Interview kits"
        description="An ordered plan for one interview: questions, a time budget and the skills it evaluates with weights. Publishing freezes a version that interviews pin."
        actions={
          can(ctx, 'kit:write') ? (
            <>
              <ButtonLink variant="secondary" href="/kits/import">
                Import kit file
              </ButtonLink>
              <ButtonLink href="/kits/new">New kit</ButtonLink>
            </>
          ) : null
        }
      />
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <h2 className="mb-3 text-base font-semibold">Our kits</h2>
      {ours.length === 0 ? (
        <EmptyState title="No kits yet" action={can(ctx, 'kit:write') ? <ButtonLink href="/kits/new">Build your first kit</ButtonLink> : null}>
          Start from scratch, from a template below, or let Loopkit suggest one.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{ours.map(card)}</ul>
      )}
      <h2 className="mb-3 mt-8 text-base font-semibold">Templates</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{templates.map(card)}</ul>
    </>
  );
}
