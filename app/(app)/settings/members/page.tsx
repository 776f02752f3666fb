import type { Metadata } from 'next';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { listMembers, listPendingInvitations } from '@/lib/orgs/queries';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { InviteForm, MemberActions, RevokeInvitationButton } from './member-forms';

export const metadata: Metadata = { title: 'Members' };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export default async function MembersPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'member:read')) return <AccessDenied what="the member list" />;
  const canInvite = can(ctx, 'member:invite');
  const canManage = can(ctx, 'member:manage');
  const [members, invitations] = await Promise.all([listMembers(ctx), canInvite ? listPendingInvitations(ctx) : Promise.resolve([])]);
  const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  return (
    <>
      <PageHeader title="Settings" description="Who is in this organization and what each role may do." />
      <SettingsTabs current="members" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">Members ({members.length})</h2>
            <ul className="divide-y divide-slate-200">
              {members.map((m) => (
                <li key={m.membershipId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">
                      {m.name ?? m.email}
                      {m.userId === ctx.userId ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-slate-600">{m.email}</p>
                  </div>
                  {canManage ? (
                    <MemberActions membershipId={m.membershipId} memberName={m.name ?? m.email} role={m.role} roles={roles} />
                  ) : (
                    // Its own width on a phone too (the column would stretch it across the card).
                    <span className="self-start sm:self-auto">
                      <Badge tone="brand">{ROLE_LABELS[m.role]}</Badge>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          {canInvite ? (
            <Card>
              <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">Pending invitations</h2>
              {invitations.length === 0 ? (
                <div className="p-4">
                  <EmptyState title="No pending invitations">Invite interviewers, recruiters and hiring managers with the form.</EmptyState>
                </div>
              ) : (
                <ul className="divide-y divide-slate-200">
                  {invitations.map((inv) => (
                    <li key={inv.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                      <div>
                        <p className="text-sm font-medium">{inv.email}</p>
                        <p className="text-sm text-slate-600">
                          {ROLE_LABELS[inv.role]} · invited by {inv.invitedBy ?? 'someone'} · expires {dateFormat.format(inv.expiresAt)}
                        </p>
                      </div>
                      <RevokeInvitationButton invitationId={inv.id} email={inv.email} />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ) : null}
        </div>
        {canInvite ? (
          <div>
            <Card className="p-4">
              <h2 className="text-base font-semibold">Invite someone</h2>
              <p className="mt-1 text-sm text-slate-600">They get a one-time link, valid for 7 days.</p>
              <InviteForm roles={roles} />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
