// Settings → Webhooks: the organization's endpoints, the private-target switch, and a form to add one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listWebhookEndpoints } from '@/lib/webhooks/queries';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { CreateEndpointForm, WebhookSettingsForm } from './webhook-forms';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'webhook:manage')) return <AccessDenied what="webhooks" />;
  const { endpoints, allowPrivateTargets } = await listWebhookEndpoints(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Signed event deliveries to your ATS or other systems." />
      <SettingsTabs current="webhooks" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <div className="space-y-6">
        <Card>
          <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">Endpoints ({endpoints.length})</h2>
          {endpoints.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No endpoints yet">Add one below; Loopkit then POSTs each chosen event to it, signed per Standard Webhooks.</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100">
              {endpoints.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div className="min-w-0">
                    <Link href={`/settings/webhooks/${e.id}`} className="break-all font-medium text-brand-700 hover:underline">
                      {e.url}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {e.description || 'No description'} · {e.events.length} event{e.events.length === 1 ? '' : 's'}
                    </p>
                  </div>
                  {e.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone={e.disabledReason ? 'red' : 'slate'}>{e.disabledReason ? 'Switched off after failures' : 'Disabled'}</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Add an endpoint</h2>
          <CreateEndpointForm />
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Network</h2>
          <WebhookSettingsForm allowPrivateTargets={allowPrivateTargets} />
        </Card>
      </div>
    </>
  );
}
