import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getRequestContext } from '@/lib/auth/session';
import { PageHeader } from '@/app/_components/ui';
import { CreateOrganizationForm } from './create-organization-form';

export const metadata: Metadata = { title: 'Create an organization' };

export default async function NewOrganizationPage() {
  const request = await getRequestContext();
  if (!request) redirect('/sign-in');
  return (
    <div className="max-w-lg">
      <PageHeader
        title={request.organizations.length ? 'Create another organization' : 'You are not in an organization yet'}
        description={
          request.organizations.length
            ? 'Start a separate workspace for another hiring team. You will be its admin.'
            : 'Ask an admin for an invitation link, or start your own organization below. You will be its admin.'
        }
      />
      <CreateOrganizationForm />
    </div>
  );
}
