'use client';
// A moment shown in the viewer's own time zone. The server does not know it, so the server
// render (and hydration) shows UTC and the browser's render shows local time.
import { useSyncExternalStore } from 'react';

const utc = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const subscribe = () => () => {};

export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    () => `${utc.format(new Date(iso))} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
