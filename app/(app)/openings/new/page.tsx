import type { Metadata } from 'next';
import { AccessDenied, ButtonLink, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listPublishedKits } from '@/lib/kits/queries';
import { listMembers } from '@/lib/orgs/queries';
import { requirePageContext } from '../../page-context';
import { OpeningForm } from '../opening-form';

export const metadata: Metadata = { title: 'New opening' };

export default async function NewOpeningPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:write')) return <AccessDenied what="creating openings" />;
  const [kits, members] = await Promise.all([listPublishedKits(ctx), listMembers(ctx)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="New opening" description="A role you are hiring for, with its interview loop: ordered stages, each run with a published kit." />
      {kits.length === 0 ? (
        <EmptyState title="Publish a kit first" action={<ButtonLink href="/kits/new">Build a kit</ButtonLink>}>
          Every stage of a loop uses a published kit.
        </EmptyState>
      ) : (
        <OpeningForm kits={kits.map((k) => ({ id: k.id, name: k.name }))} members={members.filter((m) => m.role !== 'interviewer').map((m) => ({ userId: m.userId, name: m.name ?? m.email }))} />
      )}
    </div>
  );
}
