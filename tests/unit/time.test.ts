// The scheduling form sends a wall-clock time and the viewer's zone; the offset must be the one in
// force on that date (a server-side getTimezoneOffset() of today was an hour off across DST).
import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant } from '@/lib/time';

describe('localDateTimeToInstant', () => {
  it('uses the offset in force on the date, on both sides of a DST change', () => {
    expect(localDateTimeToInstant('2026-01-15T10:00', 'Europe/Berlin')).toBe('2026-01-15T09:00:00.000Z');
    expect(localDateTimeToInstant('2026-07-15T10:00', 'Europe/Berlin')).toBe('2026-07-15T08:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-08T09:30', 'America/New_York')).toBe('2026-03-08T13:30:00.000Z');
    expect(localDateTimeToInstant('2026-03-07T09:30', 'America/New_York')).toBe('2026-03-07T14:30:00.000Z');
    expect(localDateTimeToInstant('2026-11-30T12:00', 'UTC')).toBe('2026-11-30T12:00:00.000Z');
  });

  it('refuses what is not a real date and time or zone (finding 9: garbage became 2000-01-01)', () => {
    for (const bad of ['not-a-date', '', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01', '1']) {
      expect(localDateTimeToInstant(bad, 'Europe/Berlin')).toBeNull();
    }
    expect(localDateTimeToInstant('2026-01-01T10:00', 'Mars/Olympus')).toBeNull();
  });
});
