'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { updateNotificationSettings } from '@/lib/notifications/mutations';

export async function updateNotificationSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await updateNotificationSettings(ctx, input), 'Notification settings saved.'), '/settings/notifications');
}
