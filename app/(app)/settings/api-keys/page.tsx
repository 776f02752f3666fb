import type { Metadata } from 'next';
import { LocalTime } from '@/app/_components/local-time';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { listApiKeys } from '@/lib/api-keys/queries';
import { PERMISSIONS, READ_ONLY_SCOPES, SERVICE_GRANTABLE } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { CreateApiKeyForm, RevokeApiKeyButton } from './api-key-forms';

export const metadata: Metadata = { title: 'API keys' };

const STATUS_TONE = { active: 'green', expired: 'amber', revoked: 'red' } as const;

export default async function ApiKeysPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'api_key:manage')) return <AccessDenied what="API keys" />;
  const keys = await listApiKeys(ctx);
  const scopes = SERVICE_GRANTABLE.map((p) => ({ value: p, description: PERMISSIONS[p] }));

  return (
    <>
      <PageHeader title="Settings" description="Machine access to the REST API for this organization: scoped, hashed, revocable, every use logged." />
      <SettingsTabs current="api-keys" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">API keys ({keys.length})</h2>
          {keys.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No API keys yet">Create one with the form to connect an ATS or a script. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="API keys">
              {keys.map((k) => (
                <li key={k.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      <span className="truncate">{k.name}</span>
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{k.prefix}…</code>
                      <Badge tone={STATUS_TONE[k.status]}>{k.status === 'active' ? 'Active' : k.status === 'expired' ? 'Expired' : 'Revoked'}</Badge>
                    </p>
                    <p className="break-words text-xs text-slate-600">
                      <span className="sr-only">Permissions: </span>
                      {k.scopes.join(', ')}
                    </p>
                    <p className="text-xs text-slate-600">
                      Last used {k.lastUsedAt ? <LocalTime iso={k.lastUsedAt.toISOString()} /> : 'never'} ·{' '}
                      {k.revokedAt ? (
                        <>
                          revoked <LocalTime iso={k.revokedAt.toISOString()} />
                        </>
                      ) : k.expiresAt ? (
                        <>
                          {k.status === 'expired' ? 'expired' : 'expires'} <LocalTime iso={k.expiresAt.toISOString()} />
                        </>
                      ) : (
                        'never expires'
                      )}{' '}
                      · created by {k.createdBy ?? 'a former member'}
                    </p>
                  </div>
                  {k.status === 'active' ? <RevokeApiKeyButton apiKeyId={k.id} name={k.name} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-4">
          <h2 className="text-base font-semibold">Create an API key</h2>
          <div className="mt-4">
            <CreateApiKeyForm scopes={scopes} readOnlyScopes={[...READ_ONLY_SCOPES]} />
          </div>
        </Card>
      </div>
    </>
  );
}
