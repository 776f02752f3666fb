// Postgres enums shared by several domains. Values are part of the API contract: add, never rename.
import { pgEnum } from 'drizzle-orm/pg-core';

export const memberRole = pgEnum('member_role', ['admin', 'recruiter', 'hiring_manager', 'interviewer']);
export const questionKind = pgEnum('question_kind', ['technical', 'system_design', 'coding', 'behavioural', 'situational']);
export const seniorityLevel = pgEnum('seniority_level', ['junior', 'mid', 'senior', 'staff']);
export const questionStatus = pgEnum('question_status', ['active', 'archived']);
export const kitVersionStatus = pgEnum('kit_version_status', ['draft', 'published']);
export const openingStatus = pgEnum('opening_status', ['open', 'on_hold', 'closed']);
export const applicationStage = pgEnum('application_stage', ['active', 'hired', 'rejected', 'withdrawn']);
export const interviewStatus = pgEnum('interview_status', ['scheduled', 'completed', 'cancelled']);
export const scorecardStatus = pgEnum('scorecard_status', ['draft', 'submitted']);
/**
 * A panelist's part in the interview. Shadows and reverse shadows are interviewers in training:
 * their scorecards are kept and shown, but never counted (db/counted.ts).
 */
export const panelRole = pgEnum('panel_role', ['interviewer', 'shadow', 'reverse_shadow']);
export const recommendation = pgEnum('recommendation', ['strong_no', 'no', 'yes', 'strong_yes']);
/** Blind review per opening: who sees a candidate code instead of identifying fields (lib/candidates/blind.ts). */
export const blindReviewMode = pgEnum('blind_review_mode', ['off', 'interviewers', 'interviewers_and_dashboard']);
