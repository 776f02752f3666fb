import type { Metadata } from 'next';
import { Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { listSessions } from '@/lib/auth/sessions';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { ChangePasswordForm, EndOtherSessionsButton, EndSessionButton } from './security-forms';

export const metadata: Metadata = { title: 'Sessions and password' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function Time({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{when.format(value)}</time>;
}

export default async function SecuritySettingsPage() {
  const { ctx, request } = await requirePageContext();
  const sessions = await listSessions({ db: ctx.db, userId: ctx.userId, sessionId: request.sessionId });
  const others = sessions.filter((s) => !s.current);
  return (
    <>
      <PageHeader title="Settings" description="Where your account is signed in, and your password." />
      <SettingsTabs current="security" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <h2 className="text-base font-semibold">Active sessions ({sessions.length})</h2>
            <EndOtherSessionsButton count={others.length} />
          </div>
          <ul className="divide-y divide-slate-200" aria-label="Active sessions">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {s.userAgent}
                    {s.current ? (
                      <span className="ml-2">
                        <Badge tone="green">This session</Badge>
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    Signed in <Time value={s.createdAt} /> · last active <Time value={s.lastSeenAt} /> · ends by <Time value={s.expiresAt} />
                  </p>
                </div>
                {s.current ? null : <EndSessionButton sessionId={s.id} description={`${s.userAgent}, signed in ${when.format(s.createdAt)}`} />}
              </li>
            ))}
          </ul>
          {others.length === 0 ? (
            <div className="p-4">
              <EmptyState title="No other sessions">You are signed in only here. Sessions on other browsers and devices would be listed above.</EmptyState>
            </div>
          ) : null}
        </Card>
        <Card className="p-4">
          <h2 className="text-base font-semibold">Change password</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">Enter your current password, then the new one.</p>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
