// The live scorecard's clock: how long the interview has run, from the instant the server stored
// as its start (interviews.started_at), frozen at the panelist's submit; and where the kit's time
// plan says the interview should be by now. Pure and browser-safe.

/**
 * Whole seconds from `startedAt` to `frozenAt` (a submitted card) or else to `now`; null while no
 * start is recorded. Never negative: a browser clock a little behind the server's reads 0:00.
 */
export function elapsedSeconds(startedAt: string | null, frozenAt: string | null, now: number): number | null {
  if (!startedAt) return null;
  const end = frozenAt ? new Date(frozenAt).getTime() : now;
  return Math.max(0, Math.floor((end - new Date(startedAt).getTime()) / 1000));
}

/** "m:ss", minutes unbounded ("75:03"), as interviewers read a stopwatch. */
export function formatElapsed(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface PlanPosition {
  /** The question (0-based) the plan puts the interview on after `seconds`. */
  expectedIndex: number;
  /** Whole minutes past the plan's last question; 0 while within the plan. */
  overByMinutes: number;
}

/** Where the plan (questions' minutes in order) puts an interview that has run `seconds`. */
export function planPosition(minutes: readonly number[], seconds: number): PlanPosition {
  const elapsedMinutes = seconds / 60;
  let end = 0;
  for (const [index, length] of minutes.entries()) {
    end += length;
    if (end > elapsedMinutes) return { expectedIndex: index, overByMinutes: 0 };
  }
  return { expectedIndex: Math.max(minutes.length - 1, 0), overByMinutes: Math.max(0, Math.floor(elapsedMinutes - end)) };
}
