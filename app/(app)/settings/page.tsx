import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getOrganization } from '@/lib/orgs/queries';
import { requirePageContext } from '../page-context';
import { OrganizationSettingsForm } from './organization-form';
import { ReminderSettingsForm } from './reminder-settings-form';
import { SettingsTabs } from './settings-tabs';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { ctx } = await requirePageContext();
  // Without the Organization tab, Settings opens on the first tab this member can use.
  if (!can(ctx, 'org:manage')) redirect(can(ctx, 'member:read') ? '/settings/members' : '/settings/notifications');
  const org = await getOrganization(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Your organization's name, how feedback is shared, how long candidates are kept and when interviewers are reminded of overdue feedback." />
      <SettingsTabs current="organization" canManageOrg role={ctx.role} />
      <Card className="max-w-2xl p-6">
        <OrganizationSettingsForm name={org.name} leadsScoreIndependently={org.leadsScoreIndependently} candidateRetentionMonths={org.candidateRetentionMonths} />
      </Card>
      <Card className="mt-6 max-w-2xl p-6">
        <ReminderSettingsForm enabled={org.feedbackRemindersEnabled} firstMinutes={org.feedbackReminderFirstMinutes} limit={org.feedbackReminderLimit} />
      </Card>
    </>
  );
}
