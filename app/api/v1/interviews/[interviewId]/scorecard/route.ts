import { openScorecard } from '@/lib/scorecards/mutations';
import { apiRoute } from '../../../handler';

/** Opens (creating if needed) the caller's scorecard for an interview they sit on. */
export const GET = apiRoute<{ interviewId: string }>(async (ctx, _request, { interviewId }) => Response.json(await openScorecard(ctx, { interviewId })));
