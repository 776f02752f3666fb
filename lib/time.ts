// Turning a wall-clock time typed into a zone-less `datetime-local` field into an instant, in the
// time zone of the person who typed it. The offset is the one in force AT that date, not today's
// (a UTC offset read in January is an hour off for a July interview). Browser-safe.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether a string is an IANA time zone this runtime knows (e.g. Europe/Berlin). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Whether text is a wall-clock date and time without a zone, as a `datetime-local` field sends it. */
export function isLocalDateTime(text: string): boolean {
  return LOCAL_DATE_TIME.test(text.trim());
}

/** `2026-03-29T10:30` as if it were UTC, in milliseconds, or null when it is no real date and time. */
function wallClockMs(local: string): number | null {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return wall;
}

/**
 * `2026-03-29T10:30` in `Europe/Berlin` → the ISO instant, or null when the text is not a real
 * local date and time or the zone is unknown. A time skipped by a spring-forward change resolves
 * to the instant one offset later, as calendars do.
 */
export function localDateTimeToInstant(local: string, timeZone: string): string | null {
  const wall = wallClockMs(local);
  if (wall === null || !isTimeZone(timeZone)) return null;
  let instant = wall - zoneOffsetAt(wall, timeZone);
  const corrected = wall - zoneOffsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant).toISOString();
}

/**
 * What a wall-clock time means in a zone, with the two daylight-saving cases told apart:
 * `exact` (one instant), `ambiguous` (the hour repeated when clocks go back: `instant` is the
 * first occurrence, the earlier one — RFC 5545 §3.3.5 reads it so — and `later` the second), or
 * `skipped` (the hour that does not exist when clocks go forward). Null for text that is no
 * date and time, or an unknown zone.
 */
export type LocalDateTimeResolution = { kind: 'exact'; instant: string } | { kind: 'ambiguous'; instant: string; later: string } | { kind: 'skipped' };

export function resolveLocalDateTime(local: string, timeZone: string): LocalDateTimeResolution | null {
  const wall = wallClockMs(local);
  if (wall === null || !isTimeZone(timeZone)) return null;
  // The offsets in force a day either side cover any single change; each candidate instant is
  // kept only if the zone's clock at that instant really shows the typed time.
  const offsets = new Set([zoneOffsetAt(wall - 86_400_000, timeZone), zoneOffsetAt(wall, timeZone), zoneOffsetAt(wall + 86_400_000, timeZone)]);
  const instants = [...new Set([...offsets].map((offset) => wall - offset))].filter((instant) => zoneOffsetAt(instant, timeZone) === wall - instant).sort((a, b) => a - b);
  const [earlier, later] = instants;
  if (earlier === undefined) return { kind: 'skipped' };
  if (later === undefined) return { kind: 'exact', instant: new Date(earlier).toISOString() };
  return { kind: 'ambiguous', instant: new Date(earlier).toISOString(), later: new Date(later).toISOString() };
}

/** YYYY-MM-DD of an instant in a zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The calendar day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instants a YYYY-MM-DD day starts and ends at in a zone (23 or 25 hours across a clock
 * change), or null when the text is no real date or the zone is unknown.
 */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } | null {
  const start = localDateTimeToInstant(`${day}T00:00`, timeZone);
  const end = localDateTimeToInstant(`${nextDay(day)}T00:00`, timeZone);
  return start && end ? { start: new Date(start), end: new Date(end) } : null;
}

/** The bounds of the zone's calendar day containing `instant` (the zone must be a known one). */
export function dayBoundsInZone(instant: Date, timeZone: string): { start: Date; end: Date } {
  return dayBounds(dayInZone(instant, timeZone), timeZone)!;
}
