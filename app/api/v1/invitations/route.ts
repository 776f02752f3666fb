import { createInvitation } from '@/lib/orgs/invitations';
import { listPendingInvitations } from '@/lib/orgs/queries';
import { apiRoute, readJson } from '../handler';

export const GET = apiRoute(async (ctx) => Response.json({ invitations: await listPendingInvitations(ctx) }));

export const POST = apiRoute(async (ctx, request) => {
  // The link comes from AUTH_URL (lib/urls.ts): request.url carries the client's Host header.
  const { invitation, link } = await createInvitation(ctx, await readJson(request));
  return Response.json(
    { invitation: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt }, link },
    { status: 201 },
  );
});
