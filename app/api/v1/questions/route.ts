import { queryOf } from '@/lib/api/conditional';
import { listQuestionsPage } from '@/lib/api/reads';
import { apiRoute } from '../handler';

/** GET ?status&skillId&updated_since&cursor&limit → 200 { questions, nextCursor }: the organization's and the built-in questions. */
export const GET = apiRoute(async (ctx, request) => {
  const page = await listQuestionsPage(ctx, queryOf(request));
  return Response.json({ questions: page.rows, nextCursor: page.nextCursor });
});
