// Settings → Your account: erasing one's own account (GDPR Art. 17, self-service).
import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { EraseAccountForm } from './erase-account-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const { ctx, request } = await requirePageContext();
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${request.account.email}.`} />
      <SettingsTabs current="account" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <Card className="max-w-2xl space-y-3 p-6">
        <h2 className="text-base font-semibold text-red-800">Erase your account</h2>
        <p className="text-sm text-slate-700">
          Your name, e-mail address, password and sign-in links are removed, you leave every organization and are signed out everywhere. Scorecards
          you submitted stay — candidates were assessed with them — and show as written by “Former member”. This cannot be undone. If you are an
          organization’s only admin, make someone else an admin first.
        </p>
        <EraseAccountForm />
      </Card>
    </>
  );
}
