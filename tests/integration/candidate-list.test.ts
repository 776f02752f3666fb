// The candidates list at scale: case-insensitive search of name and e-mail, filters on the same
// application (opening, status, interview stage), keyset pages that add up to the total with no
// repeats, another organization's people and ids out of sight, erased candidates unfindable by
// their old name, and bad parameters answered with a 422 naming them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCandidate, moveApplication } from '@/lib/candidates/mutations';
import { eraseCandidate } from '@/lib/candidates/erasure';
import { listCandidates } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';
import { createApplicant, createInterview, createOpeningWithStages, createPublishedKit, skillIdsBySlug } from './support/interview-factories';

const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let other: Ctx;
let backend: { openingId: string; stageIds: string[] };
let platform: { openingId: string; stageIds: string[] };
const ids: Record<string, string> = {};

async function validationFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return Object.keys((error as ValidationError).fieldErrors);
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db)).ctx;
  other = (await createOrgWithAdmin(t.db)).ctx;
  const skills = await skillIdsBySlug(t.db);
  const kitId = await createPublishedKit(admin, [{ skillId: Object.values(skills)[0]!, weight: 1 }]);
  backend = await createOpeningWithStages(admin, kitId, ['Screen', 'Onsite']);
  platform = await createOpeningWithStages(admin, kitId, ['Screen']);
  // Backend: Maria (active, onsite), Marius (rejected), Jonas (active, screen); platform: Maria too.
  const maria = await createApplicant(admin, backend.openingId, 'María Fernández');
  ids.maria = maria.candidateId;
  await createInterview(admin, { applicationId: maria.applicationId, stageId: backend.stageIds[1]!, panel: [admin], startsInMs: 86_400_000 });
  await createCandidate(admin, { name: 'Someone Else', email: 'maria.f@platform.example', openingId: platform.openingId }).then((r) => (ids.platformOnly = r.candidateId));
  const marius = await createApplicant(admin, backend.openingId, 'Marius Berg');
  ids.marius = marius.candidateId;
  await moveApplication(admin, { applicationId: marius.applicationId, stage: 'rejected' });
  const jonas = await createApplicant(admin, backend.openingId, 'Jonas 100%_Sure');
  ids.jonas = jonas.candidateId;
  await createInterview(admin, { applicationId: jonas.applicationId, stageId: backend.stageIds[0]!, panel: [admin], startsInMs: 86_400_000 });
  ids.loner = (await createCandidate(admin, { name: 'Lone Applicant', email: 'lone@solo.example' })).candidateId;
  ids.erased = (await createCandidate(admin, { name: 'Forget Mewhen', email: 'forget.me@gone.example', openingId: backend.openingId })).candidateId;
  await eraseCandidate(admin, { candidateId: ids.erased, confirmation: 'erase' });
  // Another organization has a Maria too, and an opening of its own.
  await createCandidate(other, { name: 'Maria Other-Org', email: 'maria@other.example' });
});

const names = (page: Awaited<ReturnType<typeof listCandidates>>) => page.rows.map((r) => r.name).sort();

describe('search', () => {
  it('finds any part of a name or e-mail, ignoring case, in this organization only', async () => {
    const page = await listCandidates(admin, { q: 'MARI' });
    expect(names(page)).toEqual(['Marius Berg', 'Someone Else']);
    expect(page.total).toBe(2);
    expect(names(await listCandidates(admin, { q: 'fernández' }))).toEqual(['María Fernández']);
    expect(names(await listCandidates(admin, { q: '@SOLO.ex' }))).toEqual(['Lone Applicant']);
    expect(names(await listCandidates(other, { q: 'maria' }))).toEqual(['Maria Other-Org']);
  });

  it('takes % and _ literally', async () => {
    expect(names(await listCandidates(admin, { q: '100%_s' }))).toEqual(['Jonas 100%_Sure']);
    expect((await listCandidates(admin, { q: '%' })).rows.map((r) => r.id)).toEqual([ids.jonas]);
    expect((await listCandidates(admin, { q: '0_' })).total).toBe(0);
  });

  it('never finds an erased candidate by their old name or e-mail; they are listed under the pseudonym', async () => {
    expect((await listCandidates(admin, { q: 'Forget' })).total).toBe(0);
    expect((await listCandidates(admin, { q: 'gone.example' })).total).toBe(0);
    const all = await listCandidates(admin, { limit: 100 });
    const erased = all.rows.find((r) => r.id === ids.erased)!;
    expect(erased.erased).toBe(true);
    expect(erased.name).toMatch(/^Erased candidate [0-9A-F]{4}$/);
    expect(erased.email).not.toContain('forget');
  });
});

describe('filters', () => {
  it('by opening, status and interview stage, all on the same application', async () => {
    const inBackend = await listCandidates(admin, { openingId: backend.openingId, limit: 100 });
    expect(inBackend.rows.map((r) => r.id).sort()).toEqual([ids.maria, ids.marius, ids.jonas, ids.erased].sort());
    expect(inBackend.total).toBe(4);
    const maria = inBackend.rows.find((r) => r.id === ids.maria)!;
    expect(maria.applications).toEqual([{ id: expect.any(String), openingId: backend.openingId, openingTitle: expect.stringMatching(/^Opening /), stage: 'active', loopStage: 'Onsite' }]);

    expect((await listCandidates(admin, { openingId: backend.openingId, stage: 'rejected' })).rows.map((r) => r.id)).toEqual([ids.marius]);
    expect((await listCandidates(admin, { loopStageId: backend.stageIds[1] })).rows.map((r) => r.id)).toEqual([ids.maria]);
    expect((await listCandidates(admin, { loopStageId: backend.stageIds[0], stage: 'active' })).rows.map((r) => r.id)).toEqual([ids.jonas]);
    // Rejected from backend, but no application of Marius is both rejected and in platform.
    expect((await listCandidates(admin, { openingId: platform.openingId, stage: 'rejected' })).total).toBe(0);
    expect((await listCandidates(admin, { openingId: platform.openingId, q: 'maria' })).rows.map((r) => r.id)).toEqual([ids.platformOnly]);
  });

  it('another organization’s opening filters to nothing, and its members never see this one’s candidates', async () => {
    const viaForeignOpening = await listCandidates(other, { openingId: backend.openingId });
    expect(viaForeignOpening).toEqual({ rows: [], total: 0, nextCursor: null });
    const everyone = await listCandidates(other, { limit: 100 });
    expect(everyone.rows.map((r) => r.name)).toEqual(['Maria Other-Org']);
  });
});

describe('pages', () => {
  for (const sort of ['newest', 'oldest', 'name'] as const) {
    it(`walks every candidate once, ${sort}, two at a time, with the total on every page`, async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listCandidates(admin, { sort, limit: 2, cursor });
        expect(page.total).toBe(6);
        expect(page.rows.length).toBeLessThanOrEqual(2);
        seen.push(...page.rows.map((r) => r.name));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(6);
      // The same order as one long page (the database's collation decides where "María" goes).
      expect(seen).toEqual((await listCandidates(admin, { sort, limit: 100 })).rows.map((r) => r.name));
      if (sort === 'name') expect(seen.slice(0, 2)).toEqual([expect.stringMatching(/^Erased candidate/), 'Jonas 100%_Sure']);
    });
  }

  it('newest first puts the latest candidate first', async () => {
    const { candidateId } = await createCandidate(admin, { name: 'Latest Arrival', email: 'latest@arrival.example' });
    const first = await listCandidates(admin, { limit: 1 });
    expect(first.rows[0]!.id).toBe(candidateId);
    expect(first.nextCursor).toEqual(expect.any(String));
    const oldest = await listCandidates(admin, { sort: 'oldest', limit: 1 });
    expect(oldest.rows[0]!.id).toBe(ids.maria);
  });
});

describe('refusals', () => {
  it('422 names the bad parameter: cursor, limit, opening, status, sort, search', async () => {
    expect(await validationFields(listCandidates(admin, { cursor: 'not-a-cursor' }))).toEqual(['cursor']);
    const nameCursor = (await listCandidates(admin, { sort: 'name', limit: 1 })).nextCursor!;
    // A cursor of one sort is no position in another.
    expect(await validationFields(listCandidates(admin, { sort: 'newest', cursor: nameCursor }))).toEqual(['cursor']);
    expect(await validationFields(listCandidates(admin, { limit: '0' }))).toEqual(['limit']);
    expect(await validationFields(listCandidates(admin, { limit: '101' }))).toEqual(['limit']);
    expect(await validationFields(listCandidates(admin, { limit: 'ten' }))).toEqual(['limit']);
    expect(await validationFields(listCandidates(admin, { openingId: 'nope' }))).toEqual(['openingId']);
    expect(await validationFields(listCandidates(admin, { stage: 'sleeping' }))).toEqual(['stage']);
    expect(await validationFields(listCandidates(admin, { sort: 'random' }))).toEqual(['sort']);
    expect(await validationFields(listCandidates(admin, { q: 'x'.repeat(101) }))).toEqual(['q']);
  });

  it('blank parameters are filters left unset (an empty GET form)', async () => {
    const page = await listCandidates(admin, { q: '  ', openingId: '', stage: '', loopStageId: '', sort: '', cursor: '', limit: '' });
    expect(page.total).toBe(7);
    expect(page.rows).toHaveLength(7);
  });

  it('a member without candidate access gets 403', async () => {
    const { ctx } = await addMember(t.db, admin.organizationId, 'interviewer');
    await expect(listCandidates(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
