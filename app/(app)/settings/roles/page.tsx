import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { PERMISSIONS, ROLE_LABELS, ROLES, roleHasPermission, type Permission } from '@/lib/auth/permissions';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';

export const metadata: Metadata = { title: 'Roles and permissions' };

export default async function RolesPage() {
  const { ctx } = await requirePageContext();
  const permissions = Object.entries(PERMISSIONS) as [Permission, string][];
  return (
    <>
      <PageHeader title="Settings" description="What each role may do. These rules are enforced on the server for every request." />
      <SettingsTabs current="roles" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <Card className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Permissions by role</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Permission</th>
              {ROLES.map((role) => (
                <th key={role} scope="col" className="px-4 py-3 text-center font-semibold">
                  {ROLE_LABELS[role]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {permissions.map(([permission, description]) => (
              <tr key={permission}>
                <th scope="row" className="px-4 py-2.5 text-left font-normal">
                  <span className="font-medium text-slate-900">{description}</span>
                  <span className="ml-2 font-mono text-xs text-slate-500">{permission}</span>
                </th>
                {ROLES.map((role) => (
                  <td key={role} className="px-4 py-2.5 text-center">
                    {roleHasPermission(role, permission) ? (
                      <span className="text-green-700">
                        ✓<span className="sr-only">allowed</span>
                      </span>
                    ) : (
                      <span className="text-slate-400">
                        –<span className="sr-only">not allowed</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
