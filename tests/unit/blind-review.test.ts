// Blind review (issue 14, part 4): the rule of who sees a code instead of the candidate — per mode,
// surface and viewer, lifted by a hire or reject — and the one masking function for free text.
import { describe, expect, it } from 'vitest';
import { type BlindSurface, hidingModes, isIdentityHidden, maskIdentity } from '@/lib/candidates/blind';
import { type PermissionSubject, SERVICE_ROLE } from '@/lib/context';
import { BLIND_REVIEW_MODES, type BlindReviewMode } from '@/lib/openings/schemas';

const viewers = {
  admin: { role: 'admin' },
  recruiter: { role: 'recruiter' },
  hiringManager: { role: 'hiring_manager' },
  interviewer: { role: 'interviewer' },
  readOnlyKey: { role: SERVICE_ROLE, apiKey: { id: 'k', scopes: ['candidate:read', 'dashboard:read', 'opening:read'] } },
} satisfies Record<string, PermissionSubject>;

describe('isIdentityHidden', () => {
  const hidden = (surface: BlindSurface, mode: BlindReviewMode, viewer: PermissionSubject, decided = false) => isIdentityHidden(surface, { mode, decided }, viewer);

  it('hides nothing from anyone when the opening is not blind', () => {
    for (const surface of ['panel', 'dashboard', 'candidate'] as const) for (const viewer of Object.values(viewers)) expect(hidden(surface, 'off', viewer)).toBe(false);
  });

  it("'interviewers' blinds every panel read, and no dashboard or candidate page", () => {
    for (const viewer of Object.values(viewers)) expect(hidden('panel', 'interviewers', viewer)).toBe(true);
    expect(hidden('dashboard', 'interviewers', viewers.hiringManager)).toBe(false);
    expect(hidden('candidate', 'interviewers', viewers.hiringManager)).toBe(false);
    expect(hidden('candidate', 'interviewers', viewers.readOnlyKey)).toBe(false);
  });

  it("'interviewers_and_dashboard' also blinds the dashboard, for recruiters too", () => {
    expect(hidden('panel', 'interviewers_and_dashboard', viewers.recruiter)).toBe(true);
    for (const viewer of [viewers.admin, viewers.recruiter, viewers.hiringManager, viewers.readOnlyKey]) expect(hidden('dashboard', 'interviewers_and_dashboard', viewer)).toBe(true);
  });

  it('keeps names on candidate pages and scheduling for those who contact candidates (candidate:contact) only', () => {
    expect(hidden('candidate', 'interviewers_and_dashboard', viewers.recruiter)).toBe(false);
    expect(hidden('candidate', 'interviewers_and_dashboard', viewers.admin)).toBe(false);
    expect(hidden('candidate', 'interviewers_and_dashboard', viewers.hiringManager)).toBe(true);
    expect(hidden('candidate', 'interviewers_and_dashboard', viewers.readOnlyKey)).toBe(true);
    expect(hidden('candidate', 'interviewers_and_dashboard', undefined as unknown as PermissionSubject)).toBe(true);
  });

  it('reads a panelist opening the debrief without dashboard:read as a panelist', () => {
    expect(hidden('dashboard', 'interviewers', viewers.interviewer)).toBe(true);
    expect(hidden('dashboard', 'interviewers', viewers.hiringManager)).toBe(false);
  });

  it('is lifted for everyone on every surface once a hire or reject is recorded', () => {
    for (const mode of BLIND_REVIEW_MODES)
      for (const surface of ['panel', 'dashboard', 'candidate'] as const) for (const viewer of Object.values(viewers)) expect(hidden(surface, mode, viewer, true)).toBe(false);
  });

  it('hidingModes only ever names real modes, and never off', () => {
    for (const surface of ['panel', 'dashboard', 'candidate'] as const)
      for (const viewer of [...Object.values(viewers), undefined]) {
        const modes = hidingModes(surface, viewer);
        expect(modes).not.toContain('off');
        for (const m of modes) expect(BLIND_REVIEW_MODES).toContain(m);
      }
  });
});

describe('maskIdentity', () => {
  const amara = { name: 'Amara Okafor', email: 'amara.okafor@example.test', code: 'C-4F7Q' };

  it('replaces the whole name, each part of it and the e-mail, in any case, as whole words', () => {
    expect(maskIdentity('Amara Okafor explained caching well; amara was calm. Mail amara.okafor@example.test or AMARA.OKAFOR@EXAMPLE.TEST.', amara)).toBe(
      'C-4F7Q explained caching well; C-4F7Q was calm. Mail C-4F7Q or C-4F7Q.',
    );
    expect(maskIdentity('Okafor’s answer on indexes was strong', amara)).toBe('C-4F7Q’s answer on indexes was strong');
  });

  it('leaves words that merely contain a name part alone', () => {
    expect(maskIdentity('Amaranth and Okaforian are not names here', amara)).toBe('Amaranth and Okaforian are not names here');
  });

  it('masks hyphenated and apostrophed names whole and by part, and the e-mail’s local part', () => {
    const mj = { name: "Mary-Jane O'Connor", email: 'mjoc@example.test', code: 'C-ZZ22' };
    expect(maskIdentity("Mary-Jane was great. Mary led, Jane followed; O'Connor and Connor agreed. Ask mjoc.", mj)).toBe(
      'C-ZZ22 was great. C-ZZ22 led, C-ZZ22 followed; C-ZZ22 and C-ZZ22 agreed. Ask C-ZZ22.',
    );
  });

  it('treats names with regular-expression characters and letters outside ASCII literally', () => {
    expect(maskIdentity('Zoë (zoe) and José+ met Zoë', { name: 'Zoë José+', email: 'z@example.test', code: 'C-AAAA' })).toBe('C-AAAA (zoe) and C-AAAA met C-AAAA');
  });

  it('skips one-letter parts, and returns empty text as it is', () => {
    expect(maskIdentity('J was asked about J. Smith', { name: 'J Smith', email: 'js@example.test', code: 'C-B2B2' })).toBe('J was asked about J. C-B2B2');
    expect(maskIdentity('', amara)).toBe('');
  });
});
