'use client';
// The live scorecard's drafts in this browser (localStorage), kept so that notes typed offline
// survive a reload, a crash or a closed tab. Each open page keeps a draft of its own, so two tabs
// of one scorecard never overwrite each other's unsaved text, and holds a Web Lock for as long as
// it is open. A page takes up another page's draft only once that page is gone (reloaded, closed,
// crashed): a page still open saves its own — taking it up too would send it twice and could show
// its writer a conflict with itself. Without Web Locks (a plain-http origin, an old browser)
// every other page's draft counts as gone, which is how all drafts were treated before.
import type { Flat } from '@/lib/scorecards/draft';

export interface StoredDraft {
  baseRevision: number;
  base: Flat;
  local: Flat;
}

const DRAFT_PREFIX = 'loopkit:scorecard:';
const interviewPrefix = (interviewId: string) => `${DRAFT_PREFIX}${interviewId}`;
export const draftKey = (interviewId: string, pageId: string) => `${interviewPrefix(interviewId)}:${pageId}`;
const pageLock = (pageId: string) => `loopkit:scorecard-page:${pageId}`;

/** Names one open page; not a secret, only unique among this browser's pages. */
export function newPageId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function writeDraft(key: string, draft: StoredDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy is still the source of truth.
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing to remove.
  }
}

function readDraft(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}

/** The stored keys `belongs` picks, read before any is removed. */
function draftKeys(belongs: (key: string) => boolean): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((key): key is string => key !== null && belongs(key));
  } catch {
    return []; // Storage unavailable: there are none.
  }
}

/** This interview's drafts: a page's own draft key, or the one from before pages had their own. */
const isInterviewDraft = (key: string, interviewId: string) => key === interviewPrefix(interviewId) || key.startsWith(`${interviewPrefix(interviewId)}:`);

/** This interview's drafts written by other pages; `pageId` null is a draft from before pages had their own. */
function otherPagesDrafts(interviewId: string, ownPageId: string): { key: string; pageId: string | null }[] {
  const prefix = interviewPrefix(interviewId);
  const own = draftKey(interviewId, ownPageId);
  return draftKeys((key) => key !== own && isInterviewDraft(key, interviewId)).map((key) => ({ key, pageId: key === prefix ? null : key.slice(prefix.length + 1) }));
}

/** Every draft of this interview, for when the scorecard is submitted and none can be saved any more. */
export function removeInterviewDrafts(interviewId: string): void {
  for (const key of draftKeys((k) => isInterviewDraft(k, interviewId))) removeDraft(key);
}

/** Every scorecard draft in this browser: they must not outlive the session on a shared computer (sign-out). */
export function removeAllDrafts(): void {
  for (const key of draftKeys((k) => k.startsWith(DRAFT_PREFIX))) removeDraft(key);
}

const hasWebLocks = () => typeof navigator !== 'undefined' && 'locks' in navigator;

/** Holds this page's lock until `signal` aborts (the page is left; closing or reloading ends it too). */
export function holdPageLock(pageId: string, signal: AbortSignal): void {
  if (!hasWebLocks()) return;
  const released = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  navigator.locks.request(pageLock(pageId), { signal }, () => released).catch(() => undefined);
}

/**
 * Hands each other page's draft of this interview to `takeUp` once the page that wrote it is
 * gone: at once when it already is, or when it closes. The draft is read at that moment (its page
 * may have saved it meanwhile) and removed after `takeUp` has kept what it needs. Stops waiting
 * when `signal` aborts.
 */
export function takeUpDraftsOfGonePages(interviewId: string, ownPageId: string, signal: AbortSignal, takeUp: (draft: StoredDraft) => void): void {
  const take = (key: string) => {
    if (signal.aborted) return;
    const draft = readDraft(key);
    if (draft) takeUp(draft);
    removeDraft(key);
  };
  for (const other of otherPagesDrafts(interviewId, ownPageId)) {
    if (other.pageId === null || !hasWebLocks()) take(other.key);
    // Granted at once when that page is gone, else as soon as it is.
    else navigator.locks.request(pageLock(other.pageId), { signal }, () => take(other.key)).catch(() => undefined);
  }
}
