import { listMembers } from '@/lib/orgs/queries';
import { apiRoute } from '../handler';

export const GET = apiRoute(async (ctx) => Response.json({ members: await listMembers(ctx) }));
