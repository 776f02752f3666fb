import { changeMemberRole, removeMember } from '@/lib/orgs/mutations';
import { apiRoute, readJson } from '../../handler';

type Params = { membershipId: string };

export const PATCH = apiRoute<Params>(async (ctx, request, { membershipId }) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  const member = await changeMemberRole(ctx, { ...body, membershipId });
  return Response.json({ member: { id: member.id, role: member.role } });
});

export const DELETE = apiRoute<Params>(async (ctx, _request, { membershipId }) => {
  await removeMember(ctx, { membershipId });
  return new Response(null, { status: 204 });
});
