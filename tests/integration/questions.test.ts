import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, questions, questionVersions, skills } from '@/db/schema';
import { loadBuiltinContent } from '@/db/seed/content';
import type { Ctx } from '@/lib/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { archiveQuestion, copyQuestionToOrganization, createQuestion, restoreQuestion, updateQuestion } from '@/lib/questions/mutations';
import { getQuestion, getQuestionHistory, searchQuestions } from '@/lib/questions/queries';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let admin: Ctx;
let skill: Record<string, string>;
/** The size of the built-in bank (251 today), so adding content does not break the counts below. */
const BUILTIN_QUESTIONS = loadBuiltinContent().questions.length;

function content(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Designing idempotent webhooks',
    prompt: 'Our payment provider retries webhooks. How do you make the handler safe to run twice?',
    kind: 'system_design',
    level: 'senior',
    expectedMinutes: '25',
    primarySkillId: skill['rest-api-design'],
    secondarySkillIds: [skill['api-security']],
    listenFor: 'Idempotency keys stored with a unique constraint\nAcknowledge fast, process asynchronously',
    redFlags: 'Assumes exactly-once delivery',
    followUps: 'What if the provider sends events out of order?',
    rubric1: 'Does not see that a retried webhook can double-charge.',
    rubric2: 'Mentions deduplication but only in memory, lost on restart.',
    rubric3: 'Stores an idempotency key with a unique constraint inside the transaction.',
    rubric4: 'Also handles ordering, replay windows and signature verification unprompted.',
    ...overrides,
  };
}

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Bank Co')).ctx;
  const rows = await t.db.select({ id: skills.id, slug: skills.slug }).from(skills);
  skill = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
});

describe('question versions', () => {
  it('creates version 1 and saves every edit as a new version with what changed', async () => {
    const created = await createQuestion(admin, content());
    const updated = await updateQuestion(admin, { ...content({ title: 'Idempotent webhook handlers', expectedMinutes: 30 }), questionId: created.questionId, baseVersion: 1 });
    expect(updated.version).toBe(2);
    const current = await getQuestion(admin, { questionId: created.questionId });
    expect(current.version).toMatchObject({ version: 2, title: 'Idempotent webhook handlers', expectedMinutes: 30 });
    const history = await getQuestionHistory(admin, { questionId: created.questionId });
    expect(history.versions.map((v) => v.version.version)).toEqual([2, 1]);
    expect(history.versions[0]!.changed).toEqual(['Title', 'Minutes']);
    // The old version is still readable exactly as it was.
    const [v1] = await t.db.select().from(questionVersions).where(eq(questionVersions.id, created.versionId));
    expect(v1!.title).toBe('Designing idempotent webhooks');
  });

  it('detects a concurrent edit instead of overwriting it', async () => {
    const { questionId } = await createQuestion(admin, content({ title: 'Concurrent edit target' }));
    await updateQuestion(admin, { ...content({ title: 'First editor wins' }), questionId, baseVersion: 1 });
    const stale = await updateQuestion(admin, { ...content({ title: 'Second editor' }), questionId, baseVersion: 1 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await getQuestion(admin, { questionId })).version.title).toBe('First editor wins');
  });

  it('requires all four rubric anchors and names each missing field; nothing is written', async () => {
    const [before] = await t.db.select({ n: count() }).from(questions);
    const error = await createQuestion(admin, content({ rubric2: '', rubric4: ' ', title: 'x' })).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['rubric2', 'rubric4', 'title']);
    const badSkill = await createQuestion(admin, content({ primarySkillId: '00000000-0000-4000-8000-000000000000' })).catch((e) => e);
    expect(Object.keys(badSkill.fieldErrors)).toEqual(['primarySkillId']);
    const [after] = await t.db.select({ n: count() }).from(questions);
    expect(after!.n).toBe(before!.n);
  });

  it('saving without a change writes no version and no audit event', async () => {
    const { questionId } = await createQuestion(admin, content({ title: 'Unchanged save target' }));
    const events = async () => (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, questionId)))[0]!.n;
    const before = await events();
    // The same content as the form sends it again: secondary skills repeated and in another order,
    // the primary among them, list lines with stray spaces.
    const same = await updateQuestion(admin, {
      ...content({ title: 'Unchanged save target', secondarySkillIds: [skill['api-security'], skill['rest-api-design'], skill['api-security']] }),
      listenFor: '  Idempotency keys stored with a unique constraint \n\nAcknowledge fast, process asynchronously',
      questionId,
      baseVersion: 1,
    });
    expect(same).toMatchObject({ changed: false, version: 1 });
    expect((await getQuestion(admin, { questionId })).question.latestVersion).toBe(1);
    expect((await t.db.select({ n: count() }).from(questionVersions).where(eq(questionVersions.questionId, questionId)))[0]!.n).toBe(1);
    expect(await events()).toBe(before);
    // A change to the secondary skills alone is a change.
    const changed = await updateQuestion(admin, { ...content({ title: 'Unchanged save target', secondarySkillIds: [] }), questionId, baseVersion: 1 });
    expect(changed).toMatchObject({ changed: true, version: 2 });
  });

  it('shows who saved each version', async () => {
    const { questionId } = await createQuestion(admin, content({ title: 'Authored question' }));
    const editor = (await addMember(t.db, admin.organizationId, 'recruiter')).ctx;
    await updateQuestion(editor, { ...content({ title: 'Authored question, edited' }), questionId, baseVersion: 1 });
    const history = await getQuestionHistory(admin, { questionId });
    expect(history.versions.map((v) => v.author)).toEqual(['recruiter person', 'Ada Admin']);
  });

  it('keeps built-in questions read-only, and a copy replaces the built-in one in its organization only', async () => {
    // Its own organization, so the other tests keep counting the whole built-in bank.
    const copier = (await createOrgWithAdmin(t.db)).ctx;
    const { rows } = await searchQuestions(copier, { origin: 'builtin', pageSize: 1 });
    const builtin = rows[0]!;
    await expect(updateQuestion(copier, { ...content(), questionId: builtin.id, baseVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    const copy = await copyQuestionToOrganization(copier, { questionId: builtin.id });
    const copied = await getQuestion(copier, { questionId: copy.questionId });
    expect(copied).toMatchObject({ builtin: false, version: { title: builtin.title, version: 1 } });

    // The bank (and the kit builder, which uses the same search) offers the copy, not both.
    const found = await searchQuestions(copier, { q: builtin.title, pageSize: 100 });
    expect(found.rows.map((r) => r.id)).toContain(copy.questionId);
    expect(found.rows.map((r) => r.id)).not.toContain(builtin.id);
    const builtins = await searchQuestions(copier, { origin: 'builtin', pageSize: 1 });
    expect(builtins.total).toBe(BUILTIN_QUESTIONS - 1);
    expect(builtins.facets.origin).toMatchObject({ builtin: BUILTIN_QUESTIONS - 1, ours: 1 });
    // Copying again opens the existing copy rather than adding a duplicate.
    expect(copy.created).toBe(true);
    expect(await copyQuestionToOrganization(copier, { questionId: builtin.id })).toMatchObject({ questionId: copy.questionId, created: false });
    // The built-in question itself still opens (kits pin it) and points to the copy; other organizations still see it.
    expect(await getQuestion(copier, { questionId: builtin.id })).toMatchObject({ builtin: true, ourCopy: { id: copy.questionId } });
    expect((await getQuestion(admin, { questionId: builtin.id })).ourCopy).toBeNull();
    expect((await searchQuestions(admin, { q: builtin.title, pageSize: 100 })).rows.map((r) => r.id)).toContain(builtin.id);
  });

  it('archives and restores', async () => {
    const { questionId } = await createQuestion(admin, content({ title: 'Archive me please' }));
    await archiveQuestion(admin, { questionId });
    expect((await searchQuestions(admin, { q: 'Archive me please' })).rows.map((r) => r.id)).not.toContain(questionId);
    expect((await searchQuestions(admin, { q: 'Archive me please', status: 'archived' })).rows.map((r) => r.id)).toContain(questionId);
    await restoreQuestion(admin, { questionId });
    expect((await searchQuestions(admin, { q: 'Archive me please' })).rows.map((r) => r.id)).toContain(questionId);
  });

  it('enforces permissions (403) and tenant isolation (404)', async () => {
    const { questionId } = await createQuestion(admin, content({ title: 'Private to Bank Co' }));
    const interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    await expect(createQuestion(interviewer, content())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveQuestion(interviewer, { questionId })).rejects.toBeInstanceOf(ForbiddenError);
    const other = (await createOrgWithAdmin(t.db)).ctx;
    await expect(getQuestion(other, { questionId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateQuestion(other, { ...content(), questionId, baseVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveQuestion(other, { questionId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await searchQuestions(other, { q: 'Private to Bank Co' })).rows).toEqual([]);
  });
});

describe('bank search', () => {
  it('ranks title matches first and stems words', async () => {
    const { rows } = await searchQuestions(admin, { q: 'cache' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.title.toLowerCase()).toContain('cache');
    const stemmed = await searchQuestions(admin, { q: 'caching' });
    expect(stemmed.rows.map((r) => r.id)).toContain(rows[0]!.id);
  });

  it('tolerates typos', async () => {
    const exact = await searchQuestions(admin, { q: 'kubernetes' });
    const typo = await searchQuestions(admin, { q: 'kubernets' });
    expect(exact.total).toBeGreaterThan(0);
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.rows.map((r) => r.id)).toEqual(expect.arrayContaining([exact.rows[0]!.id]));
  });

  it('filters by level, kind, skill and origin, with counts beside each value', async () => {
    const all = await searchQuestions(admin, { origin: 'builtin', pageSize: 100 });
    expect(all.total).toBe(BUILTIN_QUESTIONS);
    expect(Object.values(all.facets.level).reduce((a, b) => a + b, 0)).toBe(BUILTIN_QUESTIONS);
    const senior = await searchQuestions(admin, { origin: 'builtin', level: ['senior'], pageSize: 100 });
    expect(senior.total).toBe(all.facets.level.senior);
    expect(senior.rows.every((r) => r.level === 'senior')).toBe(true);
    // A facet ignores its own filter, so the other levels stay selectable with their counts.
    expect(senior.facets.level).toEqual(all.facets.level);
    const coding = await searchQuestions(admin, { origin: 'builtin', level: 'senior', kind: 'coding' });
    expect(coding.total).toBe(senior.facets.kind.coding ?? 0);
    const python = await searchQuestions(admin, { skill: skill.python!, origin: 'builtin', pageSize: 100 });
    expect(python.total).toBe(all.facets.skill[skill.python!]);
    expect(python.total).toBeGreaterThanOrEqual(5); // primary and secondary
  });

  it('cuts excerpts at a word boundary', async () => {
    const { rows } = await searchQuestions(admin, { origin: 'builtin', pageSize: 100 });
    const cut = rows.filter((r) => r.snippet.endsWith('…'));
    expect(cut.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.snippet.length).toBeLessThanOrEqual(201);
    // What precedes the ellipsis is a whole word of the prompt.
    for (const r of cut) {
      const { version } = await getQuestion(admin, { questionId: r.id });
      const lastWord = r.snippet.slice(0, -1).split(' ').at(-1)!;
      expect(version.prompt.replace(/[`*]/g, '').split(/\s+/).some((w) => w.startsWith(lastWord) && w.replace(/[.,;:!?—–-]+$/, '') === lastWord)).toBe(true);
    }
  });

  it('rejects malformed filters with the field name', async () => {
    const error = await searchQuestions(admin, { level: 'principal', skill: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['level.0', 'skill.0']);
  });
});
