// Regression tests for findings of the outside security review that live in the domain layer:
// each reproduces the attack or the bad input as it was found, and checks it now gets a clear
// refusal that names the field and changes nothing. (HTTP-level findings: tests/e2e/security.spec.ts
// and tests/integration/autosave-fast-path.test.ts; pure rules: tests/unit/*.)
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, candidates, interviews, kits } from '@/db/schema';
import { demoAccountsWithPassword, demoPasswordFor, seed } from '@/db/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '@/db/seed/demo';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { createCandidate, importCandidates, updateCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { demoSeeding, parseEnv } from '@/lib/env';
import { UnauthenticatedError, ValidationError } from '@/lib/errors';
import { scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit } from '@/lib/kits/mutations';
import { createOpening } from '@/lib/openings/mutations';
import { getOpening } from '@/lib/openings/queries';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let openingId: string;
let openingTitle: string;

async function rowCount(table: typeof candidates | typeof interviews | typeof applications) {
  const [row] = await t.db.select({ n: count() }).from(table).where(eq(table.organizationId, admin.organizationId));
  return row!.n;
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Review Co')).ctx;
  const [template] = await t.db.select().from(kits).where(and(isNull(kits.organizationId), eq(kits.builtinKey, 'backend-engineer-nodejs')));
  const { kitId } = await createKit(admin, { name: 'Review kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
  await publishKit(admin, { kitId, revision: 0 });
  openingTitle = `Backend ${randomBytes(2).toString('hex')}`;
  openingId = (await createOpening(admin, { title: openingTitle, level: 'mid', stages: [{ name: 'Technical', kitId, durationMinutes: 60 }] })).openingId;
});

describe('security review findings in the domain layer', () => {
  // Finding 1: `npm start` created admin@demo.loopkit.dev with the published password.
  // seed() runs on the connection itself, so this test commits outside a test transaction.
  it('seeds no demo accounts in production, and when asked for, not with the published password', t.outsideTransaction(async () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUTH_URL: 'https://loopkit.example.com' };
    const plain = parseEnv(production);
    await seed(t.connection, { demo: demoSeeding(plain), demoPassword: demoPasswordFor(plain) });
    expect(await demoAccountsWithPassword(t.db)).toBe(0);

    const asked = parseEnv({ ...production, SEED_DEMO: 'true' });
    const password = demoPasswordFor(asked);
    expect((await seed(t.connection, { demo: demoSeeding(asked), demoPassword: password })).demoCreated).toBe(true);
    expect(await demoAccountsWithPassword(t.db)).toBe(DEMO_USERS.length);
    const admin = DEMO_USERS.find((u) => u.role === 'admin')!.email;
    await expect(authenticateWithPassword({ db: t.db }, { email: admin, password: DEMO_PASSWORD, ip: null })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await authenticateWithPassword({ db: t.db }, { email: admin, password, ip: null })).email).toBe(admin);
  }), 120_000);

  // Finding 8: a NUL byte in any text field answered 500 (PostgreSQL refuses U+0000 in text).
  it('refuses a NUL character with 422 naming the field, and stores nothing', async () => {
    const before = await rowCount(candidates);
    const error = await refusal(createCandidate(admin, { name: 'Eve\u0000Mallory', email: 'eve@example.test' }));
    expect(Object.keys(error.fieldErrors)).toEqual(['name']);
    expect(await rowCount(candidates)).toBe(before);

    const { candidateId } = await createCandidate(admin, { name: 'Nul Tester', email: 'nul@example.test' });
    const { candidate } = await getCandidate(admin, candidateId);
    const nested = await refusal(updateCandidate(admin, { candidateId, revision: candidate.revision, notes: 'fine', links: ['https://x.example/\u0000'] }));
    expect(Object.keys(nested.fieldErrors)).toEqual(['links.0']);
    expect((await getCandidate(admin, candidateId)).candidate.revision).toBe(candidate.revision);
  });

  // Finding 9: `scheduledAt=not-a-date` scheduled an interview on 2000-01-01.
  it('refuses an unreadable interview time instead of inventing one', async () => {
    const { candidateId } = await createCandidate(admin, { name: 'Sam Schedule', email: 'sam@example.test', openingId });
    const { applications: apps } = await getCandidate(admin, candidateId);
    const { stages } = await getOpening(admin, openingId);
    const interviewer = await addMember(t.db, admin.organizationId, 'interviewer');
    const before = await rowCount(interviews);
    for (const scheduledAt of ['not-a-date', '1', '', '2026-02-30T10:00:00Z', '1999-12-31T10:00:00Z', 'Tue, 01 Dec 2026 10:00:00 GMT', 12345]) {
      const error = await refusal(scheduleInterview(admin, { applicationId: apps[0]!.id, openingStageId: stages[0]!.id, scheduledAt, durationMinutes: 60, panelUserIds: [interviewer.user.id] }));
      expect(Object.keys(error.fieldErrors)).toEqual(['scheduledAt']);
    }
    expect(await rowCount(interviews)).toBe(before);
    const when = '2026-12-01T10:00:00+01:00';
    const { interviewId } = await scheduleInterview(admin, { applicationId: apps[0]!.id, openingStageId: stages[0]!.id, scheduledAt: when, durationMinutes: 60, panelUserIds: [interviewer.user.id] });
    const [row] = await t.db.select({ at: interviews.scheduledAt }).from(interviews).where(eq(interviews.id, interviewId));
    expect(row!.at.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  // Finding 4: the dashboard export wrote a candidate named =HYPERLINK(…) as a live formula.
  it('exports formula-looking names as text', async () => {
    const name = '=HYPERLINK("http://evil.example","Open")';
    await createCandidate(admin, { name, email: 'formula@example.test', openingId });
    const { csv } = await exportOpeningGridCsv(admin, openingId);
    const cells = Papa.parse<string[]>(csv).data.flat();
    expect(cells).toContain(`'${name}`);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  // Finding 11: a ~65k-row import exceeded PostgreSQL's 65,535 bound parameters (500).
  it('imports 66,000 candidates in one all-or-nothing transaction', async () => {
    const rows = Array.from({ length: 66_000 }, (_, i) => `Bulk ${i},bulk${i}@import.example.test,${i % 3 === 0 ? openingTitle : ''}`);
    const content = `name,email,opening\n${rows.join('\n')}\n`;
    const before = { candidates: await rowCount(candidates), applications: await rowCount(applications) };
    expect(await importCandidates(admin, { content })).toEqual({ created: 66_000 });
    expect(await rowCount(candidates)).toBe(before.candidates + 66_000);
    expect(await rowCount(applications)).toBe(before.applications + 22_000);
    // A second run finds every e-mail taken, across slices, and imports nothing.
    const again = await refusal(importCandidates(admin, { content }));
    expect(Object.keys(again.fieldErrors)).toHaveLength(66_000);
    expect(await rowCount(candidates)).toBe(before.candidates + 66_000);
  }, 180_000);
});
