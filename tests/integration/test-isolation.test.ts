// The test-support contract the other integration files rely on: with isolation 'transaction'
// each test's writes vanish when it ends, ctx objects built in beforeAll follow the test's
// transaction, and a refused domain write rolls back only its own savepoint.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidates, organizations } from '@/db/schema';
import { createCandidate } from '@/lib/candidates/mutations';
import { ValidationError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { makeOrganization, type TestOrganization } from './support/factories';

const t = setupTestDatabase({ isolation: 'transaction' });
let org: TestOrganization; // committed once for the file, before any test's transaction
const createdInFirstTest: { candidateId?: string } = {};

beforeAll(async () => {
  org = await makeOrganization(t.db, { name: 'Isolation Org' });
});

describe('per-test rollback', () => {
  it('sees the file-level fixtures and writes through the ctx built in beforeAll', async () => {
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.organizationId));
    expect(row!.name).toBe('Isolation Org');
    const { candidateId } = await createCandidate(org.recruiter.ctx, { name: 'Rolled Back', email: 'rolled.back@example.test' });
    createdInFirstTest.candidateId = candidateId;
    const [candidate] = await t.db.select().from(candidates).where(eq(candidates.id, candidateId));
    expect(candidate!.organizationId).toBe(org.organizationId);
  });

  it('no longer sees what the previous test wrote, on the test database or the file connection', async () => {
    expect(createdInFirstTest.candidateId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await t.db.select().from(candidates).where(eq(candidates.id, createdInFirstTest.candidateId!))).toEqual([]);
    expect(await t.db.select({ id: candidates.id }).from(candidates).where(eq(candidates.organizationId, org.organizationId))).toEqual([]);
    // The same e-mail can be used again: nothing of the first test is left to clash with.
    const { candidateId } = await createCandidate(org.recruiter.ctx, { name: 'Rolled Back', email: 'rolled.back@example.test' });
    expect(candidateId).not.toBe(createdInFirstTest.candidateId);
  });

  it('keeps the test transaction usable after a refused write (the domain runs in a savepoint)', async () => {
    const refused = await createCandidate(org.recruiter.ctx, { name: 'X', email: 'not-an-address' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    const { candidateId } = await createCandidate(org.recruiter.ctx, { name: 'After Refusal', email: 'after.refusal@example.test' });
    const [row] = await t.db.select({ name: candidates.name }).from(candidates).where(eq(candidates.id, candidateId));
    expect(row!.name).toBe('After Refusal');
  });
});
