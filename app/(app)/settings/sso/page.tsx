// Settings → Single sign-on: the organization's OpenID Connect provider (admins only).
import type { Metadata } from 'next';
import { AccessDenied, Card, PageHeader } from '@/app/_components/ui';
import { ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { getSsoSettings } from '@/lib/sso/settings';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';
import { SsoSettingsForm } from './sso-settings-form';

export const metadata: Metadata = { title: 'Single sign-on' };

export default async function SsoSettingsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'org:manage')) return <AccessDenied what="single sign-on settings" />;
  const settings = await getSsoSettings(ctx);
  return (
    <>
      <PageHeader title="Settings" description="Let people sign in with your company account (OpenID Connect)." />
      <SettingsTabs current="sso" canManageOrg role={ctx.role} />
      <Card className="max-w-2xl p-6">
        <h2 className="text-base font-semibold">Single sign-on</h2>
        <p className="mt-1 text-sm text-slate-600">
          Register Loopkit at your identity provider as a web application with the redirect URI below and the scopes <code>openid email profile</code>, then
          enter what it gives you.
        </p>
        <p className="mt-3 text-sm">
          <span className="font-medium text-slate-800">Redirect URI: </span>
          <code className="break-all rounded bg-slate-100 px-1 py-0.5">{settings.redirectUri}</code>
        </p>
        <div className="mt-6">
          <SsoSettingsForm
            settings={{
              enabled: settings.configured ? settings.enabled : true,
              issuer: settings.issuer,
              clientId: settings.clientId,
              clientSecretSet: settings.clientSecretSet,
              domains: settings.domains.join(', '),
              provisioning: settings.provisioning,
              passwordSignInDisabled: settings.passwordSignInDisabled,
            }}
            roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
        </div>
      </Card>
    </>
  );
}
