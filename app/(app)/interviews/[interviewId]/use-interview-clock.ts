'use client';
// The live clock. It counts from the interview's start as the server stored it, so a reload (or a
// second panelist) resumes where it was instead of restarting at 0:00, and it stops at the
// panelist's submit. Once the interview has started and no start is recorded yet, the page asks
// the server to record one (a deliberate POST; viewing writes nothing), and retries while that fails.
import { useEffect, useState } from 'react';
import { elapsedSeconds } from '@/lib/scorecards/clock';

const RETRY_MS = 10_000;

interface ClockInput {
  interviewId: string;
  /** The recorded start (ISO), or null while none is. */
  startedAt: string | null;
  /** Whether the scheduled time has passed (kept current by useInterviewStarted). */
  started: boolean;
  /** The panelist's submit time (ISO): the clock shows the final elapsed time from then on. */
  frozenAt: string | null;
}

/** Seconds since the interview's start (null while it has none), ticking once a second until frozen. */
export function useInterviewClock({ interviewId, startedAt: startedOnServer, started, frozenAt }: ClockInput): number | null {
  const [startedAt, setStartedAt] = useState(startedOnServer);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    // A submitted card never records a start: its clock is history.
    if (startedAt || !started || frozenAt) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const record = async () => {
      try {
        const response = await fetch(`/api/v1/interviews/${interviewId}/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        if (response.ok) {
          const body = (await response.json()) as { startedAt: string };
          if (!cancelled) {
            setNow(Date.now());
            setStartedAt(body.startedAt);
          }
          return;
        }
      } catch {
        // Offline: try again below.
      }
      if (!cancelled) retry = setTimeout(() => void record(), RETRY_MS);
    };
    void record();
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [frozenAt, interviewId, started, startedAt]);

  useEffect(() => {
    if (!startedAt || frozenAt) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [frozenAt, startedAt]);

  return elapsedSeconds(startedAt, frozenAt, now);
}
