'use client';
// The live scorecard: composes the autosave (use-scorecard-autosave.ts), the clock
// (use-interview-clock.ts) and the panels, and owns what is left — which question is in front of
// the panel, the keyboard shortcuts, and submitting.
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fieldKey, fieldLabel } from '@/lib/scorecards/draft';
import type { LiveProps } from './live-types';
import { QuestionList, QuestionPanel, type Score } from './question-panel';
import { ScorecardHeader } from './scorecard-header';
import { SkillsPanel } from './skills-panel';
import { SummaryPanel } from './summary-panel';
import { useInterviewClock } from './use-interview-clock';
import { useInterviewStarted } from './use-interview-started';
import { useScorecardAutosave } from './use-scorecard-autosave';

export type { LiveItem, LiveProps } from './live-types';

// Rarely needed, so loaded on demand rather than with the page (the first-load JavaScript budget,
// scripts/perf-budgets.json): the conflict view when another tab's edit collides with this one's,
// the help when "?" is pressed.
const ConflictPanel = dynamic(() => import('./conflict-panel').then((m) => m.ConflictPanel));
const ShortcutsDialog = dynamic(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog));

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable));
}

export function LiveScorecard({ scorecard, interview, kit, content }: LiveProps) {
  const autosave = useScorecardAutosave(interview.id, scorecard);
  const { local, update, setMessage } = autosave;
  const [submittedAt, setSubmittedAt] = useState(scorecard.status === 'submitted' ? scorecard.submittedAt : null);
  const [submitted, setSubmitted] = useState(scorecard.status === 'submitted');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [submitError, setSubmitError] = useState('');
  const [current, setCurrent] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const started = useInterviewStarted(interview.scheduledAt, interview.started);
  const elapsed = useInterviewClock({ interviewId: interview.id, startedAt: interview.startedAt, started, frozenAt: submittedAt });
  const notesRefs = useRef<Record<string, HTMLTextAreaElement | null>>({});

  const items = kit.items;
  const item = items[current];
  const skillById = useMemo(() => new Map(kit.skills.map((s) => [s.skillId, s])), [kit.skills]);

  // A question's rating also rates its primary skill, when the kit weighs that skill.
  const rateCurrent = useCallback(
    (value: Score) => {
      const it = items[current];
      if (!it || submitted) return;
      update(fieldKey.questionRating(it.id), value);
      if (skillById.has(it.primarySkillId)) update(fieldKey.skillRating(it.primarySkillId), value);
    },
    [current, items, skillById, submitted, update],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (helpOpen) setHelpOpen(false);
        else if (isTyping(event.target)) (event.target as HTMLElement).blur();
        return;
      }
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'ArrowRight') setCurrent((c) => Math.min(c + 1, items.length - 1));
      else if (event.key === 'k' || event.key === 'ArrowLeft') setCurrent((c) => Math.max(c - 1, 0));
      else if (['1', '2', '3', '4'].includes(event.key)) rateCurrent(Number(event.key) as Score);
      else if (event.key === 'n') {
        event.preventDefault();
        const it = items[current];
        if (it) notesRefs.current[it.id]?.focus();
      } else if (event.key === '?') setHelpOpen((o) => !o);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, helpOpen, items, rateCurrent]);

  const submit = async () => {
    const readiness = await autosave.readyToSubmit();
    if (readiness.kind === 'unsaved') {
      setMessage('Waiting for your last changes to save before submitting…');
      return;
    }
    if (readiness.kind === 'error') {
      setSubmitError(readiness.message);
      return;
    }
    setSubmitError('');
    const response = await fetch(`/api/v1/scorecards/${readiness.scorecardId}/submit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseRevision: readiness.revision }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      autosave.submitted();
      setSubmitted(true);
      // The clock stops at the server's submit time, the same instant a reload shows.
      setSubmittedAt(body.submittedAt ?? new Date().toISOString());
      setFieldErrors({});
      setMessage(
        body.othersFeedbackVisible
          ? 'Submitted. You can now see the other interviewers’ feedback on this candidate.'
          : 'Submitted. The other interviewers’ feedback on this candidate stays hidden until you have submitted your scorecards for their other interviews that have started; the feedback page lists which.',
      );
    } else {
      setFieldErrors(body.error?.fields ?? {});
      // Said beside the button, apart from the autosave status: a later "Saved at …" must never
      // stand in for why the submit was refused (it used to show in red as an alert).
      setSubmitError(body.error?.message ?? 'Could not submit.');
    }
  };

  const labelOf = (key: string) => fieldLabel(key, { questionTitle: (id) => items.find((i) => i.id === id)?.title, skillName: (id) => skillById.get(id)?.name });

  if (!item) return <p>This kit has no questions.</p>;
  const readOnly = submitted;

  return (
    <div className="space-y-4">
      <ScorecardHeader
        interview={interview}
        elapsed={elapsed}
        plannedMinutes={items.map((i) => i.minutes)}
        current={current}
        status={autosave.status}
        message={autosave.message}
        submitted={submitted}
        onShowHelp={() => setHelpOpen(true)}
      />

      {autosave.conflicts.length ? <ConflictPanel conflicts={autosave.conflicts} labelOf={labelOf} onResolve={autosave.resolveConflict} /> : null}

      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_20rem]">
        <QuestionList items={items} current={current} local={local} onSelect={setCurrent} />
        <QuestionPanel
          item={item}
          content={content[item.id]!}
          index={current}
          count={items.length}
          ratedSkillName={skillById.get(item.primarySkillId)?.name}
          local={local}
          readOnly={readOnly}
          notesRef={(el) => {
            notesRefs.current[item.id] = el;
          }}
          onRate={rateCurrent}
          onNotes={(text) => update(fieldKey.note(item.id), text)}
          onMove={setCurrent}
        />
        <section aria-labelledby="skills-heading" className="order-3 space-y-4">
          <SkillsPanel skills={kit.skills} local={local} readOnly={readOnly} fieldErrors={fieldErrors} onRate={update} />
          <SummaryPanel
            applicationId={interview.applicationId}
            local={local}
            readOnly={readOnly}
            fieldErrors={fieldErrors}
            submittedMessage={autosave.message}
            submitError={submitError}
            started={started}
            scheduledAt={interview.scheduledAt}
            submitDisabled={autosave.status === 'conflict'}
            onChange={update}
            onSubmit={() => void submit()}
          />
        </section>
      </div>

      {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
