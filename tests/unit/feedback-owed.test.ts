import { describe, expect, it } from 'vitest';
import { feedbackOwed } from '@/lib/interviews/queries';

describe('feedback owed', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const at = (iso: string, over: Partial<Parameters<typeof feedbackOwed>[0]> = {}) => ({
    scheduledAt: new Date(iso),
    durationMinutes: 60,
    status: 'scheduled',
    scorecardStatus: null,
    ...over,
  });

  it('is owed once the interview is over, without anyone marking it completed', () => {
    expect(feedbackOwed(at('2026-11-21T11:00:00Z'), now)).toBe(true); // ended exactly now
    expect(feedbackOwed(at('2026-11-21T11:00:00Z', { scorecardStatus: 'draft' }), now)).toBe(true);
    expect(feedbackOwed(at('2026-11-20T09:00:00Z', { status: 'completed' }), now)).toBe(true);
  });

  it('is not owed while the interview runs, once submitted, or when it was cancelled', () => {
    expect(feedbackOwed(at('2026-11-21T11:30:00Z'), now)).toBe(false); // ends 12:30
    expect(feedbackOwed(at('2026-11-20T09:00:00Z', { scorecardStatus: 'submitted' }), now)).toBe(false);
    expect(feedbackOwed(at('2026-11-20T09:00:00Z', { status: 'cancelled' }), now)).toBe(false);
  });
});
