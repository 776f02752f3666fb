import 'server-only';
// The one shape of a signed-in server action: build ctx from the session, run one domain
// function with the form's fields, map typed errors to form state, refresh what changed.
import { revalidatePath } from 'next/cache';
import { getRequestContext, type RequestContext } from '@/lib/auth/session';
import type { Ctx } from '@/lib/context';
import { UnauthenticatedError } from '@/lib/errors';
import { type ActionState, errorToActionState } from '@/lib/http';
import { formDataToObject } from '@/lib/validation';

export async function runMemberAction<T = undefined>(
  formData: FormData | Record<string, unknown>,
  work: (ctx: Ctx, input: Record<string, unknown>, request: RequestContext) => Promise<ActionState<T> | string>,
  revalidate?: string,
): Promise<ActionState<T>> {
  try {
    const request = await getRequestContext();
    if (!request?.ctx) throw new UnauthenticatedError();
    const input = formData instanceof FormData ? formDataToObject(formData) : formData;
    const result = await work(request.ctx, input, request);
    if (revalidate) revalidatePath(revalidate, revalidate === '/' ? 'layout' : 'page');
    return typeof result === 'string' ? { status: 'success', message: result } : result;
  } catch (error) {
    return errorToActionState(error);
  }
}
