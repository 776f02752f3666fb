import { startInterview } from '@/lib/scorecards/interview-start';
import { apiRoute } from '../../../handler';

/**
 * Records that the interview has begun (idempotent: the first call after the scheduled time sets
 * it) and answers `{ startedAt }`, the instant the live clock counts from. The live page sends it
 * when it is open on a started interview; 409 before the scheduled time.
 */
export const POST = apiRoute<{ interviewId: string }>(async (ctx, _request, { interviewId }) => Response.json(await startInterview(ctx, { interviewId })));
