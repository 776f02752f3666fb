import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatElapsed, planPosition } from '@/lib/scorecards/clock';
import { fieldKey, fieldLabel } from '@/lib/scorecards/draft';

const start = '2026-11-30T10:00:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

describe('the live clock', () => {
  it('counts from the recorded start, not from when the page loaded', () => {
    expect(elapsedSeconds(start, null, at('2026-11-30T10:07:42.900Z'))).toBe(462);
    // A reload an hour later reads the same start: the count goes on.
    expect(elapsedSeconds(start, null, at('2026-11-30T11:07:42.000Z'))).toBe(4062);
  });

  it('stops at the submit: whatever the time now, the final elapsed time', () => {
    const submittedAt = '2026-11-30T10:52:05.000Z';
    expect(elapsedSeconds(start, submittedAt, at('2026-11-30T10:53:00.000Z'))).toBe(3125);
    expect(elapsedSeconds(start, submittedAt, at('2026-12-02T09:00:00.000Z'))).toBe(3125);
  });

  it('has nothing to show before a start is recorded, and never runs backwards', () => {
    expect(elapsedSeconds(null, null, at(start))).toBeNull();
    // A browser clock two seconds behind the server's.
    expect(elapsedSeconds(start, null, at('2026-11-30T09:59:58.000Z'))).toBe(0);
  });

  it('reads like a stopwatch', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65)).toBe('1:05');
    expect(formatElapsed(75 * 60 + 3)).toBe('75:03');
  });
});

describe('pacing against the plan', () => {
  const plan = [10, 15, 5];
  it('puts the interview on the question whose time slot holds the elapsed time', () => {
    expect(planPosition(plan, 0)).toEqual({ expectedIndex: 0, overByMinutes: 0 });
    expect(planPosition(plan, 9 * 60 + 59)).toEqual({ expectedIndex: 0, overByMinutes: 0 });
    expect(planPosition(plan, 10 * 60)).toEqual({ expectedIndex: 1, overByMinutes: 0 });
    expect(planPosition(plan, 29 * 60)).toEqual({ expectedIndex: 2, overByMinutes: 0 });
  });

  it('says how many whole minutes the interview runs over the plan', () => {
    expect(planPosition(plan, 30 * 60)).toEqual({ expectedIndex: 2, overByMinutes: 0 });
    expect(planPosition(plan, 30 * 60 + 59)).toEqual({ expectedIndex: 2, overByMinutes: 0 });
    expect(planPosition(plan, 37 * 60 + 10)).toEqual({ expectedIndex: 2, overByMinutes: 7 });
  });

  it('copes with an empty plan', () => {
    expect(planPosition([], 120)).toEqual({ expectedIndex: 0, overByMinutes: 2 });
  });
});

describe('scorecard field labels', () => {
  const names = { questionTitle: (id: string) => (id === 'q1' ? 'Idempotent payments' : undefined), skillName: (id: string) => (id === 's1' ? 'SQL' : undefined) };
  it('names each kind of field as the person reads it', () => {
    expect(fieldLabel(fieldKey.note('q1'), names)).toBe('Notes on “Idempotent payments”');
    expect(fieldLabel(fieldKey.questionRating('q1'), names)).toBe('Rating of “Idempotent payments”');
    expect(fieldLabel(fieldKey.skillRating('s1'), names)).toBe('Rating for SQL');
    expect(fieldLabel(fieldKey.skillRating('gone'), names)).toBe('Rating for a skill');
    expect(fieldLabel('summary', names)).toBe('Summary');
    expect(fieldLabel('recommendation', names)).toBe('Recommendation');
  });
});
