'use server';
// Erasing one's own account: a thin adapter over lib/auth/account-erasure, then sign-out here too
// (the session version is already bumped, so every other device is signed out as well).
import { signOut } from '@/lib/auth';
import { eraseAccount } from '@/lib/auth/account-erasure';
import { anonymousContext, getCurrentAccount } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/errors';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject } from '@/lib/validation';

export async function eraseAccountAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const account = await getCurrentAccount();
    if (!account) throw new UnauthenticatedError();
    await eraseAccount(anonymousContext(), account.id, formDataToObject(formData));
  } catch (error) {
    return errorToActionState(error);
  }
  await signOut({ redirectTo: '/sign-in' });
  return { status: 'success' };
}
