import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getNotificationSettings } from '@/lib/notifications/queries';
import { supportedTimeZones } from '@/lib/notifications/schemas';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { NotificationSettingsForm } from './notification-settings-form';

export const metadata: Metadata = { title: 'Notifications and time zone' };

export default async function NotificationSettingsPage() {
  const { ctx } = await requirePageContext();
  const settings = await getNotificationSettings(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Your time zone, and which notifications also reach you by e-mail." />
      <SettingsTabs current="notifications" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <Card className="max-w-2xl p-6">
        <h2 className="mb-4 text-base font-semibold">Notifications and time zone</h2>
        <NotificationSettingsForm timeZone={settings.timeZone} email={settings.email} zones={supportedTimeZones()} />
      </Card>
    </>
  );
}
