// Input schemas for scheduling interviews; safe to import in the browser.
import { z } from 'zod';

export const ScheduleInterviewInput = z.object({
  applicationId: z.uuid({ error: 'Application is not a valid id' }),
  openingStageId: z.uuid({ error: 'Choose a stage of the loop' }),
  scheduledAt: z.coerce.date({ error: 'Enter a valid date and time' }),
  durationMinutes: z.coerce.number().int('Use whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 600 minutes'),
  panelUserIds: z
    .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ error: 'Panel member is not a valid id' })))
    .pipe(z.array(z.string()).min(1, 'Choose at least one interviewer').max(8, 'At most 8 interviewers')),
});
export type ScheduleInterviewInput = z.input<typeof ScheduleInterviewInput>;
