'use server';
// Marking notifications read: plain form posts (they work before hydration), then the header's
// count and the list are rendered again.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestContext } from '@/lib/auth/session';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/mutations';

async function memberContext() {
  const request = await getRequestContext();
  if (!request?.ctx) redirect('/sign-in');
  return request.ctx;
}

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const ctx = await memberContext();
  try {
    await markNotificationRead(ctx, { notificationId: formData.get('notificationId') });
  } catch (error) {
    // Already gone (or never one's own): nothing to mark, and nothing to tell.
    if (!(error instanceof NotFoundError || error instanceof ValidationError)) throw error;
  }
  revalidatePath('/', 'layout');
}

export async function markAllNotificationsReadAction(): Promise<void> {
  await markAllNotificationsRead(await memberContext());
  revalidatePath('/', 'layout');
}
