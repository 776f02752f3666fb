import type { Metadata } from 'next';
import { AccessDenied, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { KitImport } from './kit-import';

export const metadata: Metadata = { title: 'Import a kit' };

export default async function ImportKitPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:write') || !can(ctx, 'question:write')) return <AccessDenied what="importing kits" />;
  return (
    <div className="max-w-3xl">
      <PageHeader title="Import a kit file" description="A kit file holds a kit and the full text of its questions, so it moves between organizations and Loopkit installs. Everything is checked before anything is written." />
      <Card className="p-6">
        <KitImport />
      </Card>
    </div>
  );
}
