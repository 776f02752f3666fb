'use server';
// Shell-level actions: switch the active organization, create another one.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ACTIVE_ORG_COOKIE, getAccountContext, getRequestContext } from '@/lib/auth/session';
import { type ActionState, errorToActionState } from '@/lib/http';
import { adoptBrowserTimeZone } from '@/lib/notifications/mutations';
import { createOrganization } from '@/lib/orgs/mutations';
import { formDataToObject } from '@/lib/validation';

const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: process.env.NODE_ENV === 'production', path: '/', maxAge: 60 * 60 * 24 * 365 };

export async function switchOrganizationAction(organizationId: string): Promise<void> {
  const request = await getRequestContext();
  if (!request) redirect('/sign-in');
  const id = z.uuid().safeParse(organizationId);
  // Only organizations the user belongs to can be chosen; anything else is ignored.
  if (id.success && request.organizations.some((o) => o.id === id.data)) {
    (await cookies()).set(ACTIVE_ORG_COOKIE, id.data, cookieOptions);
  }
  redirect('/');
}

export async function createOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // Any signed-in account may found an organization, including one that belongs to none yet.
  const account = await getAccountContext();
  if (!account) redirect('/sign-in');
  let organizationId: string;
  try {
    const org = await createOrganization(account, formDataToObject(formData));
    organizationId = org.id;
  } catch (error) {
    return errorToActionState(error);
  }
  (await cookies()).set(ACTIVE_ORG_COOKIE, organizationId, cookieOptions);
  redirect('/');
}

/** The browser's zone for an account that has none yet (see BrowserTimeZoneReporter). */
export async function reportBrowserTimeZoneAction(timeZone: string): Promise<void> {
  const account = await getAccountContext();
  if (!account) return;
  try {
    await adoptBrowserTimeZone(account, { timeZone });
  } catch {
    // A zone this server does not know (an older ICU): the person picks one in the settings.
  }
}
