// Input schemas for scheduling, rescheduling and cancelling interviews; safe to import in the browser.
import { z } from 'zod';
import { expectedRevision } from '../validation';

// An instant with an explicit offset (what the forms send after reading the viewer's zone) or a
// Date. Not z.coerce.date: it turns "1" into 2001 and some garbage into 2000-01-01.
const when = z
  .union([z.date(), z.iso.datetime({ offset: true, error: 'Enter a valid date and time' })], { error: 'Enter a valid date and time' })
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'Enter a date between 2000 and 2100');
const duration = z.coerce.number().int('Use whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 600 minutes');
const panel = z
  .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ error: 'Panel member is not a valid id' })))
  .pipe(z.array(z.string()).min(1, 'Choose at least one interviewer').max(8, 'At most 8 interviewers'));
const interviewId = z.uuid({ error: 'Interview is not a valid id' });

/** Values of the panel_role enum (db/schema/enums.ts), repeated here so browsers need no db import. */
export const PANEL_ROLES = ['interviewer', 'shadow', 'reverse_shadow'] as const;
export type PanelRoleValue = (typeof PANEL_ROLES)[number];

export const PANEL_ROLE_LABELS: Record<PanelRoleValue, string> = {
  interviewer: 'Interviewer',
  shadow: 'Shadow',
  reverse_shadow: 'Reverse shadow',
};

/**
 * Each panelist's role, by user id; a panelist not named is an interviewer. Shadow: a trainee
 * observes a qualified interviewer. Reverse shadow: the trainee leads while a qualified interviewer
 * observes — the trainee is still the one whose card does not count.
 */
const panelRoles = z
  .record(z.uuid({ error: 'Panel member is not a valid id' }), z.enum(PANEL_ROLES, { error: 'Choose interviewer, shadow or reverse shadow' }), { error: 'Give each panelist a role' })
  .optional();

export const ScheduleInterviewInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  openingStageId: z.uuid({ error: 'Choose a stage of the loop' }),
  scheduledAt: when,
  durationMinutes: duration,
  panelUserIds: panel,
  panelRoles,
});
export type ScheduleInterviewInput = z.input<typeof ScheduleInterviewInput>;

/** A new time, length and panel for an interview, based on the revision the form loaded. */
export const RescheduleInterviewInput = z.object({
  interviewId,
  revision: expectedRevision,
  scheduledAt: when,
  durationMinutes: duration,
  panelUserIds: panel,
  panelRoles,
});
export type RescheduleInterviewInput = z.input<typeof RescheduleInterviewInput>;

export const CancelInterviewInput = z.object({
  interviewId,
  revision: expectedRevision,
  reason: z.string({ error: 'Give a reason' }).trim().min(3, 'Give a reason (at least 3 characters)').max(500, 'Use at most 500 characters'),
});
export type CancelInterviewInput = z.input<typeof CancelInterviewInput>;

/**
 * The scheduling warning (never a refusal): no panelist who sits as an interviewer is qualified
 * for the interview's kit. Shadows do not count as the qualified member. Shared by the form
 * (shown before submit) and the server (returned by scheduling and on the interview page).
 */
export function panelQualificationWarning(panelUserIds: readonly string[], panelRoles: Partial<Record<string, PanelRoleValue>> | undefined, qualifiedUserIds: readonly string[]): string | null {
  if (!panelUserIds.length) return null;
  const qualified = new Set(qualifiedUserIds);
  const covered = panelUserIds.some((u) => (panelRoles?.[u] ?? 'interviewer') === 'interviewer' && qualified.has(u));
  return covered ? null : 'No interviewer on this panel is qualified for the stage’s kit. Add a qualified interviewer, or go ahead if that is intended.';
}
