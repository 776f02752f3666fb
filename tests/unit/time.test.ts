// The scheduling form sends a wall-clock time and the viewer's zone; the offset must be the one in
// force on that date (a server-side getTimezoneOffset() of today was an hour off across DST).
import { describe, expect, it } from 'vitest';
import { dayBoundsInZone, dayInZone, localDateTimeToInstant, resolveLocalDateTime } from '@/lib/time';

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

describe('resolveLocalDateTime', () => {
  it('tells the daylight-saving cases apart in Europe/Berlin (2027: forward 28 March, back 31 October)', () => {
    expect(resolveLocalDateTime('2027-03-28T01:59', 'Europe/Berlin')).toEqual({ kind: 'exact', instant: '2027-03-28T00:59:00.000Z' });
    expect(resolveLocalDateTime('2027-03-28T02:00', 'Europe/Berlin')).toEqual({ kind: 'skipped' });
    expect(resolveLocalDateTime('2027-03-28T02:59', 'Europe/Berlin')).toEqual({ kind: 'skipped' });
    expect(resolveLocalDateTime('2027-03-28T03:00', 'Europe/Berlin')).toEqual({ kind: 'exact', instant: '2027-03-28T01:00:00.000Z' });
    expect(resolveLocalDateTime('2027-10-31T02:30', 'Europe/Berlin')).toEqual({ kind: 'ambiguous', instant: '2027-10-31T00:30:00.000Z', later: '2027-10-31T01:30:00.000Z' });
    expect(resolveLocalDateTime('2027-10-31T03:00', 'Europe/Berlin')).toEqual({ kind: 'exact', instant: '2027-10-31T02:00:00.000Z' });
  });

  it('works the other way round in the southern hemisphere and with half-hour zones', () => {
    // Sydney goes back on 4 April 2027 (03:00 → 02:00) and forward on 3 October 2027 (02:00 → 03:00).
    expect(resolveLocalDateTime('2027-04-04T02:30', 'Australia/Sydney')).toMatchObject({ kind: 'ambiguous', instant: '2027-04-03T15:30:00.000Z' });
    expect(resolveLocalDateTime('2027-10-03T02:30', 'Australia/Sydney')).toEqual({ kind: 'skipped' });
    expect(resolveLocalDateTime('2027-06-01T09:00', 'Asia/Kolkata')).toEqual({ kind: 'exact', instant: '2027-06-01T03:30:00.000Z' });
  });

  it('null for what is no date and time, or no zone', () => {
    expect(resolveLocalDateTime('2027-02-29T10:00', 'Europe/Berlin')).toBeNull();
    expect(resolveLocalDateTime('10:00', 'Europe/Berlin')).toBeNull();
    expect(resolveLocalDateTime('2027-06-01T10:00', 'Nowhere/Special')).toBeNull();
  });
});

describe('dayBoundsInZone', () => {
  it('is the viewer’s calendar day, which differs by zone at the same instant', () => {
    const instant = new Date('2026-12-08T23:10:00Z');
    expect(dayInZone(instant, 'UTC')).toBe('2026-12-08');
    expect(dayInZone(instant, 'Asia/Tokyo')).toBe('2026-12-09');
    expect(dayBoundsInZone(instant, 'Europe/Berlin')).toEqual({ start: new Date('2026-12-08T23:00:00Z'), end: new Date('2026-12-09T23:00:00Z') });
    expect(dayBoundsInZone(instant, 'America/New_York')).toEqual({ start: new Date('2026-12-08T05:00:00Z'), end: new Date('2026-12-09T05:00:00Z') });
  });

  it('is 23 hours long when the clocks go forward and 25 when they go back', () => {
    const spring = dayBoundsInZone(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(spring).toEqual({ start: new Date('2026-03-28T23:00:00Z'), end: new Date('2026-03-29T22:00:00Z') });
    const autumn = dayBoundsInZone(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });
});
