'use server';
// The candidate's submission of the self-identification form: no account, the link's token is the
// only credential. A thin adapter over lib/fairness/self-identification.
import { anonymousContext } from '@/lib/auth/session';
import { submitSelfIdentification } from '@/lib/fairness/self-identification';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject } from '@/lib/validation';

export async function submitSelfIdentificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await submitSelfIdentification(anonymousContext(), formDataToObject(formData));
    return { status: 'success', message: 'Thank you. Your answers were saved, apart from your application. You can close this page.' };
  } catch (error) {
    return errorToActionState(error);
  }
}
