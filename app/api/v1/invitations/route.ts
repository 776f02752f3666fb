import { createInvitation } from '@/lib/orgs/invitations';
import { listPendingInvitations } from '@/lib/orgs/queries';
import { apiRoute, readJson } from '../handler';

export const GET = apiRoute(async (ctx) => Response.json({ invitations: await listPendingInvitations(ctx) }));

export const POST = apiRoute(async (ctx, request) => {
  const { invitation, path } = await createInvitation(ctx, await readJson(request));
  const link = new URL(path, request.url).toString();
  return Response.json(
    { invitation: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt }, link },
    { status: 201 },
  );
});
