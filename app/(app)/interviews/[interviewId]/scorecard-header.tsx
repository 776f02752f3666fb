'use client';
// The live scorecard's sticky bar: who is interviewed, the clock paced against the kit's plan,
// the autosave status (announced politely) and the way to the keyboard shortcuts.
import { buttonClass } from '@/app/_components/ui';
import { formatElapsed, planPosition } from '@/lib/scorecards/clock';
import type { LiveInterview } from './live-types';
import type { SaveStatus } from './use-scorecard-autosave';

const STATUS_TEXT: Record<Exclude<SaveStatus, 'error'>, string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  offline: 'Offline — your notes are kept in this browser and will be saved when you reconnect',
  conflict: 'Edited elsewhere — choose what to keep below',
};

export function ScorecardHeader({
  interview,
  elapsed,
  plannedMinutes,
  current,
  status,
  message,
  submitted,
  onShowHelp,
}: {
  interview: LiveInterview;
  /** Seconds since the interview's recorded start; null before it has one. */
  elapsed: number | null;
  plannedMinutes: number[];
  current: number;
  status: SaveStatus;
  message: string;
  submitted: boolean;
  onShowHelp: () => void;
}) {
  const { expectedIndex, overByMinutes } = planPosition(plannedMinutes, elapsed ?? 0);
  const statusText = status === 'error' ? message || 'Not saved' : STATUS_TEXT[status];
  const alarming = status === 'offline' || status === 'conflict' || status === 'error';
  return (
    <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white/95 px-4 py-2 text-sm backdrop-blur sm:-mx-6 sm:px-6">
      <span className="font-semibold">{interview.candidateName}</span>
      {interview.blind ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">Blind review</span> : null}
      <span className="text-slate-600">
        {interview.openingTitle}
        {interview.stageName ? ` · ${interview.stageName}` : ''}
      </span>
      <span className="tabular-nums">
        <span className="text-slate-600" aria-hidden="true">
          {submitted ? 'Took' : 'Elapsed'}
        </span>{' '}
        {/* A timer is not announced on every tick; its name says what it counts. */}
        <span role="timer" aria-label={submitted ? 'Interview length (stopped at your submit)' : 'Time since the interview started'} suppressHydrationWarning>
          {elapsed === null ? 'not started' : formatElapsed(elapsed)}
        </span>
      </span>
      <span className={overByMinutes > 0 ? 'text-red-700' : 'text-slate-600'}>
        {overByMinutes > 0 ? `${overByMinutes} min over the plan` : `Plan: question ${expectedIndex + 1} of ${plannedMinutes.length}`}
        {expectedIndex !== current && overByMinutes <= 0 ? ` (you are on ${current + 1})` : ''}
      </span>
      <span role="status" aria-live="polite" className={`ml-auto ${alarming ? 'font-medium text-amber-900' : 'text-slate-600'}`}>
        {submitted ? 'Submitted' : statusText}
      </span>
      <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={onShowHelp} aria-haspopup="dialog">
        Keyboard shortcuts (?)
      </button>
    </div>
  );
}
