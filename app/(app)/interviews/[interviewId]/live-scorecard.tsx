'use client';
// The live scorecard. Every keystroke lands in local state and localStorage at once; a debounced
// autosave sends only the changed fields with the revision they were based on. A 409 brings the
// server's state, which is merged three ways (lib/scorecards/draft.ts); real conflicts are shown
// side by side and neither text is dropped. Offline, saves retry until the network returns.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Markdown } from '@/app/_components/markdown';
import { buttonClass } from '@/app/_components/ui';
import { type Conflict, dirtyKeys, type Flat, flatten, keepBoth, mergeWithServer, type ScorecardValues, toPatch, valueOf } from '@/lib/scorecards/draft';
import { RATING_LABELS, RECOMMENDATION_LABELS, RECOMMENDATIONS } from '@/lib/scorecards/schemas';
import { useInterviewStarted } from './use-interview-started';

export interface LiveItem {
  id: string;
  minutes: number;
  title: string;
  prompt: string;
  primarySkillId: string;
  listenFor: string[];
  redFlags: string[];
  followUps: string[];
  rubric: [string, string, string, string];
}
export interface LiveProps {
  /** `id` is null until the first write creates the draft (viewing the page writes nothing). */
  scorecard: ScorecardValues & { id: string | null; revision: number; status: 'draft' | 'submitted' };
  interview: { id: string; applicationId: string; candidateName: string; openingTitle: string; stageName: string | null; scheduledAt: string; started: boolean };
  kit: { name: string; version: number; targetMinutes: number; items: LiveItem[]; skills: { skillId: string; name: string; weight: number }[] };
}

type SaveStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';
// Keyed by interview: the local draft exists before the server's does. Sign-out clears the prefix.
const storageKey = (interviewId: string) => `loopkit:scorecard:${interviewId}`;
const SAVE_DELAY_MS = 800;

interface Stored {
  baseRevision: number;
  base: Flat;
  local: Flat;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable));
}

export function LiveScorecard({ scorecard, interview, kit }: LiveProps) {
  const serverFlat = useMemo(() => flatten(scorecard), [scorecard]);
  const [local, setLocal] = useState<Flat>(serverFlat);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState<string>('');
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [submitted, setSubmitted] = useState(scorecard.status === 'submitted');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [current, setCurrent] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [submitError, setSubmitError] = useState('');
  const started = useInterviewStarted(interview.scheduledAt, interview.started);

  // The save machinery lives in refs: it is read by timers and event handlers, never by render.
  const base = useRef<Flat>(serverFlat);
  const revision = useRef(scorecard.revision);
  const cardId = useRef<string | null>(scorecard.id);
  const localRef = useRef<Flat>(serverFlat);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const notesRefs = useRef<Record<string, HTMLTextAreaElement | null>>({});

  const persist = useCallback(() => {
    const stored: Stored = { baseRevision: revision.current, base: base.current, local: localRef.current };
    try {
      localStorage.setItem(storageKey(interview.id), JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the server copy is still the source of truth.
    }
  }, [interview.id]);

  /**
   * The server-side draft, created by the first write (POST, idempotent). If another tab created
   * it first and saved into it, the PATCH that follows is based on revision 0 and gets the usual
   * 409 with the current state, which merges like any other concurrent edit.
   */
  const ensureDraft = useCallback(async (): Promise<string | { error: string }> => {
    if (cardId.current) return cardId.current;
    const response = await fetch(`/api/v1/interviews/${interview.id}/scorecard`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return { error: body.error?.message ?? 'The scorecard could not be created.' };
    cardId.current = body.scorecard.id as string;
    return cardId.current;
  }, [interview.id]);

  const save = useCallback(
    async (options: { keepalive?: boolean } = {}) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (inFlight.current) return;
      const keys = dirtyKeys(base.current, localRef.current);
      if (!keys.length) {
        setStatus((s) => (s === 'conflict' ? s : 'saved'));
        return;
      }
      inFlight.current = true;
      setStatus('saving');
      const sent = { ...localRef.current };
      try {
        const id = await ensureDraft();
        if (typeof id !== 'string') {
          setStatus('error');
          setMessage(id.error);
          return;
        }
        const response = await fetch(`/api/v1/scorecards/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ baseRevision: revision.current, ...toPatch(sent, keys) }),
          keepalive: options.keepalive,
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          revision.current = body.revision;
          const next = { ...base.current };
          for (const k of keys) next[k] = valueOf(sent, k);
          base.current = next;
          retryDelay.current = 2000;
          persist();
          const stillDirty = dirtyKeys(base.current, localRef.current).length > 0;
          setStatus(stillDirty ? 'pending' : 'saved');
          setMessage(`Saved at ${new Date().toLocaleTimeString()}`);
          if (stillDirty) timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
        } else if (response.status === 409 && body.error?.current) {
          const server = body.error.current as ScorecardValues & { revision: number; status: string };
          const serverState = flatten(server);
          const merged = mergeWithServer(base.current, localRef.current, serverState);
          base.current = serverState;
          revision.current = server.revision;
          localRef.current = merged.local;
          setLocal(merged.local);
          persist();
          if (merged.conflicts.length) {
            setConflicts(merged.conflicts);
            setStatus('conflict');
          } else {
            timer.current = setTimeout(() => void save(), 0);
          }
        } else if (response.status === 409) {
          setStatus('error');
          setMessage(body.error?.message ?? 'This scorecard can no longer be edited.');
        } else if (response.status === 401) {
          setStatus('error');
          setMessage('Your session ended. Sign in again in another tab; your notes are kept in this browser.');
        } else {
          setStatus('error');
          setMessage(body.error?.message ?? 'The last change could not be saved.');
        }
      } catch {
        // The network is down: keep everything locally and try again.
        setStatus('offline');
        timer.current = setTimeout(() => void save(), retryDelay.current);
        retryDelay.current = Math.min(retryDelay.current * 2, 15_000);
      } finally {
        inFlight.current = false;
      }
    },
    [ensureDraft, persist],
  );

  const update = useCallback(
    (key: string, value: string | number | null) => {
      const next = { ...localRef.current, [key]: value };
      localRef.current = next;
      setLocal(next);
      persist();
      setStatus((s) => (s === 'conflict' ? s : 'pending'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [persist, save],
  );

  // Restore a local draft that never reached the server (reload, crash, lost network).
  useEffect(() => {
    if (scorecard.status === 'submitted') {
      localStorage.removeItem(storageKey(interview.id));
      return;
    }
    const raw = localStorage.getItem(storageKey(interview.id));
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as Stored;
      if (!dirtyKeys(stored.base, stored.local).length) return;
      const merged = mergeWithServer(stored.base, stored.local, serverFlat);
      localRef.current = merged.local;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring browser-only state after hydration
      setLocal(merged.local);
      if (merged.conflicts.length) {
        setConflicts(merged.conflicts);
        setStatus('conflict');
      } else {
        setStatus('pending');
        timer.current = setTimeout(() => void save(), 0);
      }
      persist();
    } catch {
      localStorage.removeItem(storageKey(interview.id));
    }
  }, [interview.id, persist, save, scorecard.status, serverFlat]);

  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void save({ keepalive: true });
    };
    const online = () => {
      retryDelay.current = 2000;
      void save();
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('online', online);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', flush);
    };
  }, [save]);

  useEffect(() => {
    const started = Date.now();
    const tick = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(tick);
  }, []);

  const items = kit.items;
  const item = items[current];
  const skillById = useMemo(() => new Map(kit.skills.map((s) => [s.skillId, s])), [kit.skills]);

  const rateCurrent = useCallback(
    (value: 1 | 2 | 3 | 4) => {
      const it = items[current];
      if (!it || submitted) return;
      update(`qr:${it.id}`, value);
      if (skillById.has(it.primarySkillId)) update(`rating:${it.primarySkillId}`, value);
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
      else if (['1', '2', '3', '4'].includes(event.key)) rateCurrent(Number(event.key) as 1 | 2 | 3 | 4);
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
    await save();
    if (dirtyKeys(base.current, localRef.current).length) {
      setMessage('Waiting for your last changes to save before submitting…');
      return;
    }
    // Submitting an untouched scorecard still needs the draft; the server then names what is missing.
    const id = await ensureDraft().catch(() => ({ error: 'You appear to be offline; submit again when the network returns.' }));
    if (typeof id !== 'string') {
      setSubmitError(id.error);
      return;
    }
    setSubmitError('');
    const response = await fetch(`/api/v1/scorecards/${id}/submit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseRevision: revision.current }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      localStorage.removeItem(storageKey(interview.id));
      setSubmitted(true);
      setFieldErrors({});
      setStatus('saved');
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

  // Pacing: where the plan says you should be, and how far over you are.
  const minutesElapsed = elapsed / 60;
  const cumulative = items.map((_, i) => items.slice(0, i + 1).reduce((s, x) => s + x.minutes, 0));
  const plannedIndex = Math.min(cumulative.findIndex((end) => end > minutesElapsed), items.length - 1);
  const expectedIndex = plannedIndex === -1 ? items.length - 1 : plannedIndex;
  const overBy = Math.floor(minutesElapsed - (cumulative.at(-1) ?? 0));
  const clock = `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
  const statusText: Record<SaveStatus, string> = {
    saved: 'All changes saved',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    offline: 'Offline — your notes are kept in this browser and will be saved when you reconnect',
    conflict: 'Edited elsewhere — choose what to keep below',
    error: message || 'Not saved',
  };

  const skillLabel = (key: string) => {
    if (key.startsWith('note:')) return `Notes on “${items.find((i) => i.id === key.slice(5))?.title ?? 'a question'}”`;
    if (key.startsWith('rating:')) return `Rating for ${skillById.get(key.slice(7))?.name ?? 'a skill'}`;
    if (key.startsWith('qr:')) return `Rating of “${items.find((i) => i.id === key.slice(3))?.title ?? 'a question'}”`;
    return key === 'summary' ? 'Summary' : 'Recommendation';
  };
  const resolve = (conflict: Conflict, value: string | number | null) => {
    update(conflict.key, value);
    const rest = conflicts.filter((c) => c.key !== conflict.key);
    setConflicts(rest);
    if (!rest.length) setStatus('pending');
  };

  const startsAt = new Date(interview.scheduledAt).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  if (!item) return <p>This kit has no questions.</p>;
  const readOnly = submitted;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white/95 px-4 py-2 text-sm backdrop-blur sm:-mx-6 sm:px-6">
        <span className="font-semibold">{interview.candidateName}</span>
        <span className="text-slate-600">
          {interview.openingTitle}
          {interview.stageName ? ` · ${interview.stageName}` : ''}
        </span>
        <span className="tabular-nums">
          <span className="text-slate-600">Elapsed</span> {clock}
        </span>
        <span className={overBy > 0 ? 'text-red-700' : 'text-slate-600'}>
          {overBy > 0 ? `${overBy} min over the plan` : `Plan: question ${expectedIndex + 1} of ${items.length}`}
          {expectedIndex !== current && overBy <= 0 ? ` (you are on ${current + 1})` : ''}
        </span>
        <span role="status" aria-live="polite" className={`ml-auto ${status === 'offline' || status === 'conflict' || status === 'error' ? 'font-medium text-amber-900' : 'text-slate-600'}`}>
          {readOnly ? 'Submitted' : statusText[status]}
        </span>
        <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={() => setHelpOpen(true)} aria-haspopup="dialog">
          Keyboard shortcuts (?)
        </button>
      </div>

      {conflicts.length ? (
        <section aria-labelledby="conflict-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
          <h2 id="conflict-heading" className="font-semibold text-amber-900">
            This scorecard was also edited in another tab or device
          </h2>
          <p className="text-sm text-amber-900">Nothing has been lost. Choose what to keep for each field.</p>
          <ul className="mt-3 space-y-3">
            {conflicts.map((c) => (
              <li key={c.key} className="rounded-md bg-white p-3 text-sm">
                <p className="font-medium">{skillLabel(c.key)}</p>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  <div>
                    <p className="text-xs font-semibold uppercase text-slate-600">This tab</p>
                    <p className="whitespace-pre-wrap rounded border border-slate-200 p-2">{String(c.mine ?? '—')}</p>
                  </div>
                  <div>
                    <p className="text-xs font-semibold uppercase text-slate-600">Other version</p>
                    <p className="whitespace-pre-wrap rounded border border-slate-200 p-2">{String(c.theirs ?? '—')}</p>
                  </div>
                </div>
                <div className="mt-2 flex flex-wrap gap-2">
                  <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={() => resolve(c, c.mine)}>
                    Keep this tab’s
                  </button>
                  <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={() => resolve(c, c.theirs)}>
                    Keep the other
                  </button>
                  {typeof c.mine === 'string' || typeof c.theirs === 'string' ? (
                    <button type="button" className={buttonClass('primary', 'py-1 text-xs')} onClick={() => resolve(c, keepBoth(c.mine, c.theirs))}>
                      Keep both texts
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_20rem]">
        <nav aria-label="Questions" className="order-2 lg:order-1">
          <ol className="space-y-1">
            {items.map((it, i) => (
              <li key={it.id}>
                <button
                  type="button"
                  onClick={() => setCurrent(i)}
                  aria-current={i === current ? 'step' : undefined}
                  className={`w-full rounded-md px-2 py-1.5 text-left text-sm ${i === current ? 'bg-brand-50 font-medium text-brand-800' : 'hover:bg-slate-100'}`}
                >
                  {i + 1}. {it.title}
                  <span className="block text-xs text-slate-600">
                    {it.minutes} min{valueOf(local, `qr:${it.id}`) ? ` · rated ${valueOf(local, `qr:${it.id}`)}` : ''}
                    {String(valueOf(local, `note:${it.id}`) ?? '').trim() ? ' · notes' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <section aria-labelledby="question-heading" className="order-1 min-w-0 space-y-4 lg:order-2">
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
              Question {current + 1} of {items.length} · {item.minutes} min
            </p>
            <h2 id="question-heading" className="mt-1 text-lg font-semibold">
              {item.title}
            </h2>
            <Markdown className="mt-2">{item.prompt}</Markdown>
            <div className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
              {[
                ['Listen for', item.listenFor],
                ['Red flags', item.redFlags],
                ['Follow-ups', item.followUps],
              ].map(([title, list]) => (
                <div key={title as string}>
                  <h3 className="font-medium">{title as string}</h3>
                  <ul className="list-disc pl-5 text-slate-700">
                    {(list as string[]).map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </div>

          <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" disabled={readOnly}>
            <legend className="px-1 text-sm font-semibold">
              Rate this answer{skillById.has(item.primarySkillId) ? ` (sets ${skillById.get(item.primarySkillId)!.name})` : ''} — keys 1–4
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
              {item.rubric.map((anchor, i) => {
                const score = (i + 1) as 1 | 2 | 3 | 4;
                const checked = valueOf(local, `qr:${item.id}`) === score;
                return (
                  <label key={score} className={`flex min-w-0 cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm ${checked ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600' : 'border-slate-200 hover:border-slate-400'}`}>
                    <span className="flex items-center gap-2 font-semibold">
                      <input type="radio" name={`qr-${item.id}`} value={score} checked={checked} onChange={() => rateCurrent(score)} className="size-4" />
                      {score} — {RATING_LABELS[score]}
                    </span>
                    {/* Long unbroken words (URLs, identifiers) wrap inside the card instead of overflowing it. */}
                    <span className="break-words text-slate-700 [overflow-wrap:anywhere]">{anchor}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>

          <div className="space-y-1">
            <label htmlFor={`notes-${item.id}`} className="block text-sm font-semibold">
              Notes on this answer (key N)
            </label>
            <textarea
              id={`notes-${item.id}`}
              ref={(el) => {
                notesRefs.current[item.id] = el;
              }}
              rows={8}
              readOnly={readOnly}
              value={String(valueOf(local, `note:${item.id}`) ?? '')}
              onChange={(e) => update(`note:${item.id}`, e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
            />
          </div>
          <div className="flex justify-between">
            <button type="button" className={buttonClass('secondary')} disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              ← Previous (K)
            </button>
            <button type="button" className={buttonClass('secondary')} disabled={current === items.length - 1} onClick={() => setCurrent(current + 1)}>
              Next (J) →
            </button>
          </div>
        </section>

        <section aria-labelledby="skills-heading" className="order-3 space-y-4">
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="skills-heading" className="font-semibold">
              Skills
            </h2>
            <div className="mt-2 space-y-3">
              {kit.skills.map((skill) => {
                const key = `rating:${skill.skillId}`;
                const error = fieldErrors[`ratings.${skill.skillId}`]?.[0];
                return (
                  <fieldset key={skill.skillId} disabled={readOnly} aria-describedby={error ? `${key}-error` : undefined}>
                    <legend className="text-sm font-medium">
                      {skill.name} <span className="text-xs font-normal text-slate-600">weight {skill.weight}</span>
                    </legend>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {([1, 2, 3, 4, 'no_evidence'] as const).map((value) => {
                        const checked = valueOf(local, key) === value;
                        return (
                          <label key={value} className={`cursor-pointer rounded border px-2 py-1 text-xs ${checked ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-50'}`}>
                            <input type="radio" className="sr-only" name={key} checked={checked} onChange={() => update(key, value)} />
                            {value === 'no_evidence' ? 'No evidence' : `${value} ${RATING_LABELS[value]}`}
                          </label>
                        );
                      })}
                    </div>
                    {error ? (
                      <p id={`${key}-error`} className="text-xs text-red-700">
                        {error}
                      </p>
                    ) : null}
                  </fieldset>
                );
              })}
            </div>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <fieldset disabled={readOnly} aria-describedby={fieldErrors.recommendation ? 'recommendation-error' : undefined}>
              <legend className="font-semibold">Overall recommendation</legend>
              <div className="mt-2 grid grid-cols-2 gap-1">
                {RECOMMENDATIONS.map((r) => {
                  const checked = valueOf(local, 'recommendation') === r;
                  return (
                    <label key={r} className={`cursor-pointer rounded border px-2 py-1.5 text-center text-sm ${checked ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-50'}`}>
                      <input type="radio" className="sr-only" name="recommendation" checked={checked} onChange={() => update('recommendation', r)} />
                      {RECOMMENDATION_LABELS[r]}
                    </label>
                  );
                })}
              </div>
              {fieldErrors.recommendation ? (
                <p id="recommendation-error" className="mt-1 text-xs text-red-700">
                  {fieldErrors.recommendation[0]}
                </p>
              ) : null}
            </fieldset>
            <label htmlFor="summary" className="mt-3 block text-sm font-semibold">
              Summary
            </label>
            <textarea
              id="summary"
              rows={5}
              readOnly={readOnly}
              value={String(valueOf(local, 'summary') ?? '')}
              onChange={(e) => update('summary', e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            {readOnly ? (
              <>
                <p role="status" className="mt-3 text-sm text-green-800">
                  {message || 'This scorecard is submitted.'}
                </p>
                <Link href={`/applications/${interview.applicationId}/debrief`} className={buttonClass('secondary', 'mt-3 w-full')}>
                  Read the panel’s feedback
                </Link>
              </>
            ) : (
              <>
                {submitError ? (
                  <p role="alert" className="mt-3 text-sm text-red-800">
                    {submitError}
                  </p>
                ) : null}
                {started ? null : (
                  <p id="not-started" className="mt-3 text-sm text-slate-700">
                    This interview has not started yet (it starts{' '}
                    <time dateTime={interview.scheduledAt} suppressHydrationWarning>
                      {startsAt}
                    </time>
                    ). Your notes are saved as you type; you can submit once it has started.
                  </p>
                )}
                <button
                  type="button"
                  className={buttonClass('primary', 'mt-3 w-full')}
                  onClick={() => void submit()}
                  disabled={status === 'conflict' || !started}
                  aria-describedby={started ? undefined : 'not-started'}
                >
                  Submit scorecard
                </button>
              </>
            )}
          </div>
        </section>
      </div>

      {helpOpen ? (
        <div role="dialog" aria-modal="true" aria-labelledby="help-heading" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={() => setHelpOpen(false)}>
          <div className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl" onClick={(e) => e.stopPropagation()}>
            <h2 id="help-heading" className="text-lg font-semibold">
              Keyboard shortcuts
            </h2>
            <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
              <dt className="font-mono">J or →</dt>
              <dd>Next question</dd>
              <dt className="font-mono">K or ←</dt>
              <dd>Previous question</dd>
              <dt className="font-mono">1 – 4</dt>
              <dd>Rate the current answer (and its skill)</dd>
              <dt className="font-mono">N</dt>
              <dd>Jump to the notes</dd>
              <dt className="font-mono">Esc</dt>
              <dd>Leave a text field (then shortcuts work again)</dd>
              <dt className="font-mono">?</dt>
              <dd>Show or hide this help</dd>
            </dl>
            <button type="button" autoFocus className={buttonClass('primary', 'mt-4')} onClick={() => setHelpOpen(false)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
