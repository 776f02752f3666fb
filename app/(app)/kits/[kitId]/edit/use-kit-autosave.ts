'use client';
// Side effects of the kit builder: autosave after a pause in editing, and a guard that asks
// before leaving the page (reload, close, or an in-app link) while edits are not yet saved.
import { type Dispatch, useCallback, useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/http';
import { type DraftAction, type DraftState, draftContent, isDirty, shouldAutosave } from './kit-draft';

export const AUTOSAVE_DELAY_MS = 1000;

type SaveDraft = (input: Record<string, unknown>) => Promise<ActionState<{ revision: number }>>;

export type SaveOutcome = 'saved' | 'conflict' | 'error' | 'skipped';

/**
 * Saves the draft with its revision ~1 s after the last edit, one save at a time. Returns
 * `saveNow` for the Save button and Ctrl+S, and `revision()` for publishing. The revision is
 * kept in a ref updated as soon as a save answers: a save or publish queued behind another must
 * send the new revision before React re-renders, or it would report a conflict with itself.
 */
export function useKitAutosave(kitId: string, state: DraftState, dispatch: Dispatch<DraftAction>, saveDraft: SaveDraft) {
  const latest = useRef(state);
  const revisionRef = useRef(state.revision);
  const inFlight = useRef<Promise<SaveOutcome> | null>(null);
  useEffect(() => {
    latest.current = state;
  });
  // "Keep mine" moves the revision forward in the reducer; follow it.
  useEffect(() => {
    revisionRef.current = state.revision;
  }, [state.revision]);

  const saveNow = useCallback(async (): Promise<SaveOutcome> => {
    while (inFlight.current) await inFlight.current;
    const current = latest.current;
    if (current.save.kind === 'conflict') return 'skipped';
    const run = (async (): Promise<SaveOutcome> => {
      dispatch({ type: 'saveStarted' });
      const result = await saveDraft({ kitId, revision: revisionRef.current, ...draftContent(current) });
      if (result.status === 'success') {
        revisionRef.current = result.data!.revision;
        dispatch({ type: 'saveSucceeded', revision: result.data!.revision, edits: current.edits });
        return 'saved';
      }
      if (result.status === 'error') {
        dispatch({ type: 'saveFailed', message: result.message, code: result.code, fields: result.fields, current: result.current });
        return result.code === 'conflict' ? 'conflict' : 'error';
      }
      return 'skipped';
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [dispatch, kitId, saveDraft]);

  const due = shouldAutosave(state);
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // state.edits restarts the pause on every edit.
  }, [due, state.edits, saveNow]);

  /** Waits for any save in flight; publish calls this so it never races an autosave. */
  const settle = useCallback(async () => {
    while (inFlight.current) await inFlight.current;
  }, []);

  return { saveNow, settle, revision: () => revisionRef.current, latest: () => latest.current };
}

export const LEAVE_MESSAGE = 'This kit has changes that are not saved yet. Leave the page and lose them?';

/**
 * While `unsaved`, asks before the page goes away: the browser's own prompt on reload or close,
 * and a confirm on clicks on same-origin links (Next's <Link> navigates without unloading, so
 * beforeunload alone would let those through). The listener runs in the capture phase on the
 * document, before React's handler on the root, so a cancelled click never reaches the router.
 */
export function useLeaveGuard(unsaved: boolean) {
  // Set by allowLeave() when the user chose to discard (e.g. "Load their version"): the reload
  // that follows in the same handler must not ask, and a state update would come too late.
  const leaving = useRef(false);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      // Older Chromium still needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (leaving.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!window.confirm(LEAVE_MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [unsaved]);
  return useCallback(() => {
    leaving.current = true;
  }, []);
}

export const hasUnsavedWork = (state: DraftState) => isDirty(state) || state.save.kind === 'saving';
