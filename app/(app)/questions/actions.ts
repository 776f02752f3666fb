'use server';
import { redirect } from 'next/navigation';
import { getRequestContext } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/errors';
import { type ActionState, errorToActionState } from '@/lib/http';
import { copyQuestionToOrganization } from '@/lib/questions/mutations';
import { formDataToObject } from '@/lib/validation';

export async function copyQuestionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let questionId: string;
  try {
    const request = await getRequestContext();
    if (!request?.ctx) throw new UnauthenticatedError();
    ({ questionId } = await copyQuestionToOrganization(request.ctx, formDataToObject(formData)));
  } catch (error) {
    return errorToActionState(error);
  }
  redirect(`/questions/${questionId}`);
}
