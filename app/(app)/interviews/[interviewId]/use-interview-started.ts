'use client';
// Whether the interview has started, kept current while the page stays open: the server says so
// at render time, and a timer flips it at the scheduled start. Submitting waits for it; the server
// refuses an early submit anyway (lib/scorecards/mutations.ts), this only keeps the button honest.
import { useEffect, useState } from 'react';

// setTimeout's delay is a signed 32-bit number of milliseconds; longer waits fire at once.
const MAX_TIMER_MS = 2_147_483_647;

export function useInterviewStarted(scheduledAt: string, startedOnServer: boolean): boolean {
  const [started, setStarted] = useState(startedOnServer);
  useEffect(() => {
    if (started) return;
    const wait = new Date(scheduledAt).getTime() - Date.now();
    if (wait > MAX_TIMER_MS) return;
    const timer = setTimeout(() => setStarted(true), Math.max(0, wait) + 500);
    return () => clearTimeout(timer);
  }, [scheduledAt, started]);
  return started;
}
