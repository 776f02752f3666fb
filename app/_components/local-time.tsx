'use client';
// Moments shown in the viewer's own time zone, with the zone named ("3 Dec 2026, 14:00 CET"), so
// a panel spread over several zones never guesses. The server does not know the viewer's zone, so
// the server render (and hydration) shows UTC and the browser's render shows local time.
import { useSyncExternalStore } from 'react';

const parts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
const utc = new Intl.DateTimeFormat('en-GB', { ...parts, timeZone: 'UTC' });
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, parts).format(new Date(iso)),
    () => utc.format(new Date(iso)),
  );
  return <time dateTime={iso}>{text}</time>;
}

/** The viewer's IANA zone, e.g. "Europe/Berlin" ("UTC" in the server render). */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, () => 'UTC');
}

/** "Times in Europe/Berlin": said beside every form and list whose times are the viewer's. */
export function TimeZoneNote({ className = 'text-xs text-slate-600' }: { className?: string }) {
  const zone = useBrowserTimeZone();
  return <p className={className}>Times in {zone}</p>;
}
