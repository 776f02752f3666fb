import type { Metadata } from 'next';
import { AccessDenied, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listKits } from '@/lib/kits/queries';
import { requirePageContext } from '../../page-context';
import { NewKitForm } from './new-kit-form';

export const metadata: Metadata = { title: 'New kit' };

export default async function NewKitPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:write')) return <AccessDenied what="building kits" />;
  const kits = await listKits(ctx);
  const { from } = await searchParams;
  return (
    <div className="max-w-2xl">
      <PageHeader title="New kit" description="Start from scratch, from a template, or as a copy of one of your kits. You can change everything in the builder." />
      <NewKitForm
        templates={kits.filter((k) => k.builtin).map((k) => ({ id: k.id, name: k.name, roleTitle: k.roleTitle, level: k.level, targetMinutes: k.targetMinutes }))}
        ours={kits.filter((k) => !k.builtin).map((k) => ({ id: k.id, name: k.name, roleTitle: k.roleTitle, level: k.level, targetMinutes: k.targetMinutes }))}
        initialSource={from}
      />
    </div>
  );
}
