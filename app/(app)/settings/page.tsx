import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getOrganization } from '@/lib/orgs/queries';
import { requirePageContext } from '../page-context';
import { OrganizationSettingsForm } from './organization-form';
import { SettingsTabs } from './settings-tabs';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'org:manage')) redirect('/settings/members');
  const org = await getOrganization(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Your organization's name, how feedback is shared and how long candidates are kept." />
      <SettingsTabs current="organization" canManageOrg role={ctx.role} />
      <Card className="max-w-2xl p-6">
        <OrganizationSettingsForm name={org.name} leadsScoreIndependently={org.leadsScoreIndependently} candidateRetentionMonths={org.candidateRetentionMonths} />
      </Card>
    </>
  );
}
