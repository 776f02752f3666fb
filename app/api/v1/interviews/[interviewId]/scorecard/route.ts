import { openScorecard } from '@/lib/scorecards/mutations';
import { getInterviewScorecard } from '@/lib/scorecards/queries';
import { apiRoute } from '../../../handler';

/** The caller's scorecard for an interview they sit on, or the would-be empty draft (`scorecard.id: null`). Never writes. */
export const GET = apiRoute<{ interviewId: string }>(async (ctx, _request, { interviewId }) => Response.json(await getInterviewScorecard(ctx, { interviewId })));

/** Creates the caller's draft (idempotent: one per interviewer and interview); the live page's first write. */
export const POST = apiRoute<{ interviewId: string }>(async (ctx, _request, { interviewId }) => Response.json(await openScorecard(ctx, { interviewId })));
