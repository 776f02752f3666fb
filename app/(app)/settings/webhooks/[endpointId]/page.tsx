// One webhook endpoint: its settings, secret rotation, and the delivery log with manual redelivery.
import type { Metadata } from 'next';
import { LocalTime, TimeZoneNote } from '@/app/_components/local-time';
import { AccessDenied, BackLink, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import type { WebhookEventType } from '@/lib/webhooks/schemas';
import { getWebhookEndpoint } from '@/lib/webhooks/queries';
import { orNotFound, requirePageContext } from '../../../page-context';
import { SettingsTabs } from '../../settings-tabs';
import { DeleteEndpointForm, EditEndpointForm, RedeliverButton, RotateSecretForm } from '../webhook-forms';

export const metadata: Metadata = { title: 'Webhook endpoint' };

const STATUS_TONE = { succeeded: 'green', failed: 'red', pending: 'amber', sending: 'brand' } as const;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'webhook:manage')) return <AccessDenied what="webhooks" />;
  const { endpointId } = await params;
  const { endpoint, deliveries } = await orNotFound(getWebhookEndpoint(ctx, { endpointId }));
  return (
    <>
      <PageHeader title="Settings" description="Webhook endpoint" />
      <SettingsTabs current="webhooks" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <BackLink href="/settings/webhooks">All webhooks</BackLink>
      <div className="mt-4 space-y-6">
        {endpoint.disabledReason && !endpoint.enabled ? (
          <p role="note" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {endpoint.disabledReason}. Fix the receiver, then tick Enabled and save to switch it back on.
          </p>
        ) : null}
        <Card className="p-4">
          <h2 className="mb-3 break-all text-base font-semibold">{endpoint.url}</h2>
          <EditEndpointForm
            key={`${endpoint.enabled}-${endpoint.events.join()}`}
            initial={{ endpointId: endpoint.id, url: endpoint.url, description: endpoint.description, events: endpoint.events as WebhookEventType[], enabled: endpoint.enabled }}
          />
        </Card>
        <Card>
          <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
            <h2 className="text-base font-semibold">Delivery log</h2>
            <TimeZoneNote />
          </div>
          {deliveries.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No deliveries yet">Events this endpoint subscribes to appear here as they happen.</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Deliveries">
              {deliveries.map((d) => (
                <li key={d.id} className="space-y-2 px-4 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-sm">{d.eventType}</span>
                      <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? 'slate'}>{d.status}</Badge>
                      <span className="text-xs text-slate-600">
                        <LocalTime iso={d.createdAt.toISOString()} />
                      </span>
                    </div>
                    {d.status !== 'sending' && endpoint.enabled ? <RedeliverButton endpointId={endpoint.id} deliveryId={d.id} label={d.eventType} /> : null}
                  </div>
                  {d.status === 'pending' && d.attempts > 0 ? (
                    <p className="text-xs text-slate-600">
                      Next try <LocalTime iso={d.nextAttemptAt.toISOString()} />
                    </p>
                  ) : null}
                  {d.attemptLog.length ? (
                    <div className="overflow-x-auto">
                      <table className="w-full text-left text-xs">
                        <thead className="text-slate-600">
                          <tr>
                            <th scope="col" className="py-1 pr-3 font-medium">Attempt</th>
                            <th scope="col" className="py-1 pr-3 font-medium">When</th>
                            <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                            <th scope="col" className="py-1 pr-3 font-medium">Latency</th>
                            <th scope="col" className="py-1 font-medium">Response or error</th>
                          </tr>
                        </thead>
                        <tbody>
                          {d.attemptLog.map((a) => (
                            <tr key={a.id}>
                              <td className="py-1 pr-3">
                                {a.attempt}
                                {a.manual ? ' (manual)' : ''}
                              </td>
                              <td className="py-1 pr-3">
                                <LocalTime iso={a.createdAt.toISOString()} />
                              </td>
                              <td className="py-1 pr-3">{a.statusCode ?? '—'}</td>
                              <td className="py-1 pr-3">{a.latencyMs} ms</td>
                              <td className="max-w-md truncate py-1 font-mono" title={a.error ?? a.responseSnippet ?? ''}>
                                {a.error ?? a.responseSnippet ?? ''}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Signing secret</h2>
          <RotateSecretForm endpointId={endpoint.id} />
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold">Delete</h2>
          <DeleteEndpointForm endpointId={endpoint.id} />
        </Card>
      </div>
    </>
  );
}
