import { describe, expect, it } from 'vitest';
import { owesFeedback } from '@/lib/interviews/queries';
import { deriveInterviewState, feedbackOwedSince, formatOwedFor, type InterviewStateInput, isFeedbackOverdue } from '@/lib/interviews/status';

const start = new Date('2026-11-21T10:00:00Z');
const end = new Date('2026-11-21T11:00:00Z');
const at = (iso: string) => new Date(iso);

function interview(over: Partial<InterviewStateInput> = {}): InterviewStateInput {
  return { storedStatus: 'scheduled', scheduledAt: start, durationMinutes: 60, panelSize: 2, submittedCount: 0, candidateErased: false, ...over };
}

describe('deriveInterviewState', () => {
  it('is scheduled until the start, in progress from the start (inclusive) until the end, then awaits feedback from the end (inclusive)', () => {
    expect(deriveInterviewState(interview(), at('2026-11-21T09:59:59.999Z'))).toBe('scheduled');
    expect(deriveInterviewState(interview(), start)).toBe('in_progress');
    expect(deriveInterviewState(interview(), at('2026-11-21T10:59:59.999Z'))).toBe('in_progress');
    expect(deriveInterviewState(interview(), end)).toBe('awaiting_feedback');
    expect(deriveInterviewState(interview({ submittedCount: 1 }), at('2026-11-25T00:00:00Z'))).toBe('awaiting_feedback');
  });

  it('is complete once every panelist submitted, also before the scheduled end', () => {
    expect(deriveInterviewState(interview({ submittedCount: 2 }), at('2026-11-21T10:30:00Z'))).toBe('complete');
    expect(deriveInterviewState(interview({ submittedCount: 2 }), end)).toBe('complete');
    // A panel of one, and a panel of three with one card missing.
    expect(deriveInterviewState(interview({ panelSize: 1, submittedCount: 1 }), at('2026-11-21T10:05:00Z'))).toBe('complete');
    expect(deriveInterviewState(interview({ panelSize: 1, submittedCount: 0 }), end)).toBe('awaiting_feedback');
    expect(deriveInterviewState(interview({ panelSize: 3, submittedCount: 2 }), end)).toBe('awaiting_feedback');
    expect(deriveInterviewState(interview({ panelSize: 3, submittedCount: 3 }), end)).toBe('complete');
    // Moved into the future after everyone submitted: still complete, never "upcoming" again.
    expect(deriveInterviewState(interview({ submittedCount: 2 }), at('2026-11-20T00:00:00Z'))).toBe('complete');
  });

  it('is cancelled whatever the time and the cards say', () => {
    expect(deriveInterviewState(interview({ storedStatus: 'cancelled' }), at('2026-11-20T00:00:00Z'))).toBe('cancelled');
    expect(deriveInterviewState(interview({ storedStatus: 'cancelled', submittedCount: 2 }), end)).toBe('cancelled');
    expect(deriveInterviewState(interview({ storedStatus: 'cancelled', submittedCount: 1 }), end)).toBe('cancelled');
  });

  it('owes nothing after the end when nothing can be owed: an erased candidate or an empty panel', () => {
    expect(deriveInterviewState(interview({ candidateErased: true }), end)).toBe('complete');
    expect(deriveInterviewState(interview({ candidateErased: true }), at('2026-11-21T10:30:00Z'))).toBe('in_progress');
    expect(deriveInterviewState(interview({ panelSize: 0 }), start)).toBe('in_progress');
    expect(deriveInterviewState(interview({ panelSize: 0 }), end)).toBe('complete');
  });

  it('treats the old stored value "completed" as nothing more than not cancelled', () => {
    expect(deriveInterviewState(interview({ storedStatus: 'completed' }), end)).toBe('awaiting_feedback');
    expect(deriveInterviewState(interview({ storedStatus: 'completed' }), at('2026-11-20T00:00:00Z'))).toBe('scheduled');
  });
});

describe('owed and overdue feedback', () => {
  it('is owed since the end and overdue from 24 hours after it', () => {
    expect(feedbackOwedSince(interview(), at('2026-11-21T10:59:00Z'))).toBeNull();
    expect(feedbackOwedSince(interview(), end)).toEqual(end);
    expect(isFeedbackOverdue(interview(), at('2026-11-22T10:59:59.999Z'))).toBe(false);
    expect(isFeedbackOverdue(interview(), at('2026-11-22T11:00:00Z'))).toBe(true);
    expect(isFeedbackOverdue(interview({ submittedCount: 2 }), at('2026-11-30T00:00:00Z'))).toBe(false);
    expect(isFeedbackOverdue(interview({ storedStatus: 'cancelled' }), at('2026-11-30T00:00:00Z'))).toBe(false);
  });

  it('a member owes their card while the interview awaits feedback and theirs is not submitted', () => {
    expect(owesFeedback({ state: 'awaiting_feedback', scorecardStatus: null })).toBe(true);
    expect(owesFeedback({ state: 'awaiting_feedback', scorecardStatus: 'draft' })).toBe(true);
    expect(owesFeedback({ state: 'awaiting_feedback', scorecardStatus: 'submitted' })).toBe(false);
    expect(owesFeedback({ state: 'in_progress', scorecardStatus: 'draft' })).toBe(false);
    expect(owesFeedback({ state: 'cancelled', scorecardStatus: null })).toBe(false);
  });

  it('says how long in minutes, hours, then days and hours', () => {
    expect(formatOwedFor(-5)).toBe('0 min');
    expect(formatOwedFor(45 * 60_000)).toBe('45 min');
    expect(formatOwedFor(3 * 3_600_000 + 59 * 60_000)).toBe('3 h');
    expect(formatOwedFor(24 * 3_600_000)).toBe('1 d');
    expect(formatOwedFor((2 * 24 + 3) * 3_600_000 + 10 * 60_000)).toBe('2 d 3 h');
  });
});
