'use client';
// The live scorecard's autosave. Every keystroke lands in local state and localStorage at once; a
// debounced save sends only the changed fields with the revision they were based on. A 409 brings
// the server's state, which is merged three ways (lib/scorecards/draft.ts); real conflicts wait
// for the person to choose and neither text is dropped. Offline, saves retry with back-off until
// the network returns; a local draft that never reached the server is taken up by the next page
// of this scorecard once the page that wrote it is gone (./local-drafts.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Conflict, dirtyKeys, type FieldValue, type Flat, flatten, mergeWithServer, type ScorecardValues, toPatch, valueOf } from '@/lib/scorecards/draft';
import { draftKey, holdPageLock, newPageId, removeDraft, removeInterviewDrafts, takeUpDraftsOfGonePages, writeDraft } from './local-drafts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';

/** The panelist's scorecard as the page receives it; `id` is null until the first write creates the draft. */
export type LiveScorecardData = ScorecardValues & { id: string | null; revision: number; status: 'draft' | 'submitted'; submittedAt: string | null };

export const SAVE_DELAY_MS = 800;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 15_000;

/** What submitting needs from the autosave: the draft's id and revision once nothing is unsaved. */
export type SubmitReadiness = { kind: 'ready'; scorecardId: string; revision: number } | { kind: 'unsaved' } | { kind: 'error'; message: string };

export function useScorecardAutosave(interviewId: string, scorecard: LiveScorecardData) {
  const serverFlat = useMemo(() => flatten(scorecard), [scorecard]);
  const [local, setLocal] = useState<Flat>(serverFlat);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState('');
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  // Keyed by interview and page: the local draft exists before the server's does.
  const [pageId] = useState(newPageId);
  const ownDraftKey = draftKey(interviewId, pageId);

  // The save machinery lives in refs: it is read by timers and event handlers, never by render.
  const base = useRef<Flat>(serverFlat);
  const revision = useRef(scorecard.revision);
  const cardId = useRef<string | null>(scorecard.id);
  const localRef = useRef<Flat>(serverFlat);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(FIRST_RETRY_MS);
  // Timers call the latest save through this ref (a callback cannot name itself while it is being defined).
  const saveRef = useRef<() => Promise<void>>(async () => {});
  const saveLater = useCallback((delay: number) => {
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const persist = useCallback(() => {
    writeDraft(ownDraftKey, { baseRevision: revision.current, base: base.current, local: localRef.current });
  }, [ownDraftKey]);

  /**
   * The server-side draft, created by the first write (POST, idempotent). If another tab created
   * it first and saved into it, the PATCH that follows is based on revision 0 and gets the usual
   * 409 with the current state, which merges like any other concurrent edit.
   */
  const ensureDraft = useCallback(async (): Promise<string | { error: string }> => {
    if (cardId.current) return cardId.current;
    const response = await fetch(`/api/v1/interviews/${interviewId}/scorecard`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return { error: body.error?.message ?? 'The scorecard could not be created.' };
    cardId.current = body.scorecard.id as string;
    return cardId.current;
  }, [interviewId]);

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
          retryDelay.current = FIRST_RETRY_MS;
          persist();
          const stillDirty = dirtyKeys(base.current, localRef.current).length > 0;
          setStatus(stillDirty ? 'pending' : 'saved');
          setMessage(`Saved at ${new Date().toLocaleTimeString()}`);
          if (stillDirty) saveLater(SAVE_DELAY_MS);
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
            saveLater(0);
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
        saveLater(retryDelay.current);
        retryDelay.current = Math.min(retryDelay.current * 2, MAX_RETRY_MS);
      } finally {
        inFlight.current = false;
      }
    },
    [ensureDraft, persist, saveLater],
  );
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (key: string, value: FieldValue) => {
      const next = { ...localRef.current, [key]: value };
      localRef.current = next;
      setLocal(next);
      persist();
      setStatus((s) => (s === 'conflict' ? s : 'pending'));
      if (timer.current) clearTimeout(timer.current);
      saveLater(SAVE_DELAY_MS);
    },
    [persist, saveLater],
  );

  /** The person chose a value for one conflicting field; once none is left, saving resumes. */
  const resolveConflict = useCallback(
    (conflict: Conflict, value: FieldValue) => {
      update(conflict.key, value);
      const rest = conflicts.filter((c) => c.key !== conflict.key);
      setConflicts(rest);
      if (!rest.length) setStatus('pending');
    },
    [conflicts, update],
  );

  // Hold this page's lock while it is open, and take up what pages now gone typed and never saved
  // (reload, crash, a tab closed offline) — merged into what this page holds, like a 409.
  useEffect(() => {
    if (scorecard.status === 'submitted') {
      removeInterviewDrafts(interviewId);
      return;
    }
    const leaving = new AbortController();
    holdPageLock(pageId, leaving.signal);
    takeUpDraftsOfGonePages(interviewId, pageId, leaving.signal, (stored) => {
      try {
        if (!dirtyKeys(stored.base, stored.local).length) return;
        const merged = mergeWithServer(stored.base, stored.local, localRef.current);
        localRef.current = merged.local;
        setLocal(merged.local);
        persist();
        if (merged.conflicts.length) {
          setConflicts((current) => [...current.filter((c) => !merged.conflicts.some((m) => m.key === c.key)), ...merged.conflicts]);
          setStatus('conflict');
        } else {
          setStatus((s) => (s === 'conflict' ? s : 'pending'));
          if (timer.current) clearTimeout(timer.current);
          saveLater(0);
        }
      } catch {
        // A draft in another shape (an older version's, or damaged): nothing to take up.
      }
    });
    return () => {
      leaving.abort();
      // Left with nothing unsaved (another page of the app): the draft has served its purpose.
      if (!dirtyKeys(base.current, localRef.current).length) removeDraft(ownDraftKey);
    };
  }, [interviewId, ownDraftKey, pageId, persist, saveLater, scorecard.status]);

  // Hiding the page (tab switch, close, phone lock) sends what is pending at once; the network's
  // return retries without waiting out the back-off.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void save({ keepalive: true });
    };
    const online = () => {
      retryDelay.current = FIRST_RETRY_MS;
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

  /**
   * Saves what is pending and answers whether the scorecard can be submitted now: not while a
   * change is still unsaved (a submit must freeze exactly what the person sees), and an untouched
   * scorecard still needs its draft created (the server then names what is missing).
   */
  const readyToSubmit = useCallback(async (): Promise<SubmitReadiness> => {
    await save();
    if (dirtyKeys(base.current, localRef.current).length) return { kind: 'unsaved' };
    const id = await ensureDraft().catch(() => ({ error: 'You appear to be offline; submit again when the network returns.' }));
    if (typeof id !== 'string') return { kind: 'error', message: id.error };
    return { kind: 'ready', scorecardId: id, revision: revision.current };
  }, [ensureDraft, save]);

  /** After a successful submit: the local draft is done with. */
  const submitted = useCallback(() => {
    removeInterviewDrafts(interviewId);
    setStatus('saved');
  }, [interviewId]);

  return { local, status, message, setMessage, conflicts, update, resolveConflict, readyToSubmit, submitted };
}
