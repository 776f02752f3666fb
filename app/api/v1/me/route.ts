import { apiRoute } from '../handler';

/** The signed-in member as the API sees them: user, organization and role. */
export const GET = apiRoute(async (ctx) => Response.json({ userId: ctx.userId, organizationId: ctx.organizationId, role: ctx.role }));
