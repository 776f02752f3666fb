// Enum values live twice: as Postgres enums in db/schema/enums.ts and as browser-safe constants in
// lib/ (client components cannot pull drizzle's pg-core into their bundle). This ties each pair
// together, in order, so adding a value to one side without the other fails here, not in production.
import { describe, expect, it } from 'vitest';
import { applicationStage, blindReviewMode, memberRole, openingStatus, questionKind, recommendation, seniorityLevel } from '@/db/schema/enums';
import { outcomeCheckpoint } from '@/db/schema/outcomes';
import { ROLES } from '@/lib/auth/permissions';
import { APPLICATION_STAGES } from '@/lib/candidates/schemas';
import { BLIND_REVIEW_MODES, OPENING_STATUSES } from '@/lib/openings/schemas';
import { OUTCOME_CHECKPOINTS } from '@/lib/outcomes/schemas';
import { LEVELS, QUESTION_KINDS } from '@/lib/questions/schemas';
import { RECOMMENDATIONS } from '@/lib/scorecards/schemas';

describe('lib enum constants match the database enums', () => {
  it.each([
    ['member_role', memberRole.enumValues, ROLES],
    ['question_kind', questionKind.enumValues, QUESTION_KINDS],
    ['seniority_level', seniorityLevel.enumValues, LEVELS],
    ['opening_status', openingStatus.enumValues, OPENING_STATUSES],
    ['application_stage', applicationStage.enumValues, APPLICATION_STAGES],
    ['recommendation', recommendation.enumValues, RECOMMENDATIONS],
    ['outcome_checkpoint', outcomeCheckpoint.enumValues, OUTCOME_CHECKPOINTS],
    ['blind_review_mode', blindReviewMode.enumValues, BLIND_REVIEW_MODES],
  ] as const)('%s', (_name, database, lib) => {
    // Order matters too: forms list the values in this order and the seniority scale is ordered.
    expect([...lib]).toEqual([...database]);
  });
});
