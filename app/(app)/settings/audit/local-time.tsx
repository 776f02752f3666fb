'use client';
// Times in the viewer's own time zone. The server renders UTC (it cannot know the zone); the
// browser's zone replaces it right after hydration, without a mismatch.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useViewerTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, () => 'UTC');
}

export function LocalTime({ iso }: { iso: string }) {
  const timeZone = useViewerTimeZone();
  const text = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(new Date(iso));
  return (
    <time dateTime={iso} title={timeZone}>
      {text}
      {timeZone === 'UTC' ? ' UTC' : ''}
    </time>
  );
}

/** Sends the viewer's zone with the filter form, so "from" and "to" mean their days. */
export function TimeZoneInput() {
  return <input type="hidden" name="timeZone" value={useViewerTimeZone()} />;
}
