import 'server-only';
// Every page in the signed-in area starts here: the session, its organization and role, or a
// redirect to sign-in when the session is gone (expired, signed out everywhere, or removed).
import { redirect } from 'next/navigation';
import { getRequestContext } from '@/lib/auth/session';
import type { Ctx } from '@/lib/context';

export async function requirePageContext(): Promise<{ ctx: Ctx; request: NonNullable<Awaited<ReturnType<typeof getRequestContext>>> }> {
  const request = await getRequestContext();
  if (!request) redirect('/sign-in');
  if (!request.ctx) redirect('/organizations/new');
  return { ctx: request.ctx, request };
}
