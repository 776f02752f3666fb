'use server';
// Server actions for the signed-in user's own sessions and password: thin adapters over
// lib/auth/sessions.ts and lib/auth/accounts.ts, with the session the request came with.
import { revalidatePath } from 'next/cache';
import { changePassword } from '@/lib/auth/accounts';
import { getAccountContext } from '@/lib/auth/session';
import { endOtherSessions, endSession } from '@/lib/auth/sessions';
import type { AccountCtx } from '@/lib/context';
import { UnauthenticatedError } from '@/lib/errors';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject } from '@/lib/validation';

async function runAccountAction(work: (ctx: AccountCtx) => Promise<string>): Promise<ActionState> {
  try {
    const ctx = await getAccountContext();
    if (!ctx) throw new UnauthenticatedError();
    const message = await work(ctx);
    revalidatePath('/settings/security');
    return { status: 'success', message };
  } catch (error) {
    return errorToActionState(error);
  }
}

export async function endSessionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAccountAction(async (ctx) => (await endSession(ctx, formDataToObject(formData)), 'Session ended.'));
}

export async function endOtherSessionsAction(_prev: ActionState): Promise<ActionState> {
  return runAccountAction(async (ctx) => {
    const { ended } = await endOtherSessions(ctx);
    return ended === 1 ? 'Signed out of 1 other session.' : `Signed out of ${ended} other sessions.`;
  });
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAccountAction(async (ctx) => {
    const { endedSessions } = await changePassword(ctx, formDataToObject(formData));
    return endedSessions
      ? `Password changed. Your ${endedSessions === 1 ? 'other session was' : `${endedSessions} other sessions were`} signed out.`
      : 'Password changed.';
  });
}
