import 'server-only';
// The iCalendar invite each panelist gets (RFC 5545, with iTIP's METHOD from RFC 5546). One UID per
// interview and the interview's revision as SEQUENCE, so a calendar updates or removes the event it
// already holds instead of adding a second one.
//
// Times are written in UTC (DTSTART:20270328T080000Z) and the interviewer's own zone is named in the
// description. A TZID parameter is only valid with a matching VTIMEZONE block (RFC 5545 §3.2.19),
// which would need a time-zone database beside ical-generator; a UTC time is exact, and every
// calendar shows it in its user's zone — the same instant across a daylight-saving change.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { publicOrigin } from '../urls';

export interface InterviewInvite {
  method: 'REQUEST' | 'CANCEL';
  interviewId: string;
  /** The interview's revision: 0 when scheduled, higher after every reschedule or cancellation. */
  sequence: number;
  start: Date;
  durationMinutes: number;
  /** Title shown in the calendar; never the candidate's e-mail address. */
  summary: string;
  kitName: string;
  scorecardUrl: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** The attendee's IANA zone, for the human-readable time in the description. */
  timeZone: string;
}

/** interview-<id>@<host>: stable for the interview's whole life, unique to this installation. */
export function interviewUid(interviewId: string): string {
  return `interview-${interviewId}@${new URL(publicOrigin()).hostname}`;
}

/** "Sun 28 Mar 2027, 10:00–11:00 (Europe/Berlin, GMT+2)": the time as the interviewer reads it. */
export function describeTimeInZone(start: Date, durationMinutes: number, timeZone: string): string {
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(start);
  const time = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value;
  const named = timeZone === 'UTC' || !offset || offset === 'GMT' || offset === 'GMT+0' ? timeZone : `${timeZone}, ${offset}`;
  return `${day}, ${time(start)}–${time(end)} (${named})`;
}

export function buildInterviewInvite(invite: InterviewInvite): string {
  const cancelled = invite.method === 'CANCEL';
  const calendar = ical({ prodId: { company: 'Loopkit', product: 'Loopkit', language: 'EN' }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  const when = describeTimeInZone(invite.start, invite.durationMinutes, invite.timeZone);
  calendar.createEvent({
    id: interviewUid(invite.interviewId),
    sequence: invite.sequence,
    start: invite.start,
    end: new Date(invite.start.getTime() + invite.durationMinutes * 60_000),
    stamp: new Date(),
    summary: invite.summary,
    description: [cancelled ? 'This interview was cancelled.' : `Interview kit: ${invite.kitName}`, `When: ${when}`, `Scorecard: ${invite.scorecardUrl}`].join('\n'),
    url: invite.scorecardUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invite.organizer,
    attendees: [{ name: invite.attendee.name, email: invite.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }],
  });
  return calendar.toString();
}
