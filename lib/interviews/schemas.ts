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

export const ScheduleInterviewInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  openingStageId: z.uuid({ error: 'Choose a stage of the loop' }),
  scheduledAt: when,
  durationMinutes: duration,
  panelUserIds: panel,
});
export type ScheduleInterviewInput = z.input<typeof ScheduleInterviewInput>;

/** A new time, length and panel for an interview, based on the revision the form loaded. */
export const RescheduleInterviewInput = z.object({
  interviewId,
  revision: expectedRevision,
  scheduledAt: when,
  durationMinutes: duration,
  panelUserIds: panel,
});
export type RescheduleInterviewInput = z.input<typeof RescheduleInterviewInput>;

export const CancelInterviewInput = z.object({
  interviewId,
  revision: expectedRevision,
  reason: z.string({ error: 'Give a reason' }).trim().min(3, 'Give a reason (at least 3 characters)').max(500, 'Use at most 500 characters'),
});
export type CancelInterviewInput = z.input<typeof CancelInterviewInput>;
