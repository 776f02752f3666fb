'use client';
// Rendered only while the account has no time zone: reports the browser's once (a POST through a
// server action, never a page view), so invites and reminders name the person's own wall clock.
// They can change it under Settings → Notifications and time zone.
import { useEffect } from 'react';
import { reportBrowserTimeZoneAction } from '../actions';

export function BrowserTimeZoneReporter() {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) void reportBrowserTimeZoneAction(timeZone);
  }, []);
  return null;
}
