import 'server-only';
// Every page in the signed-in area starts here: the session, its organization and role, or a
// redirect to sign-in when the session is gone (expired, signed out everywhere, or removed).
import { notFound, redirect } from 'next/navigation';
import { getRequestContext } from '@/lib/auth/session';
import type { Ctx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';

export async function requirePageContext(): Promise<{ ctx: Ctx; request: NonNullable<Awaited<ReturnType<typeof getRequestContext>>> }> {
  const request = await getRequestContext();
  if (!request) redirect('/sign-in');
  if (!request.ctx) redirect('/organizations/new');
  return { ctx: request.ctx, request };
}

/** What a detail page loads: a missing, malformed or other organization's id renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound();
    throw error;
  }
}
