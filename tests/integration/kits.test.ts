import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { kits, skills } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { createKit, publishKit, saveKitDraft, startKitDraft, suggestKitQuestions } from '@/lib/kits/mutations';
import { getKit, listKits } from '@/lib/kits/queries';
import { copyQuestionToOrganization, updateQuestion } from '@/lib/questions/mutations';
import { getQuestion, searchQuestions } from '@/lib/questions/queries';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true });
let admin: Ctx;
let skill: Record<string, string>;

beforeAll(async () => {
  admin = (await createOrgWithAdmin(t.db, 'Kit Co')).ctx;
  const rows = await t.db.select({ id: skills.id, slug: skills.slug }).from(skills);
  skill = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
});

async function draftPayload(kitId: string, overrides: Record<string, unknown> = {}) {
  const kit = await getKit(admin, kitId);
  return {
    kitId,
    revision: kit.current.revision,
    name: kit.kit.name,
    roleTitle: kit.current.roleTitle,
    level: kit.current.level,
    targetMinutes: kit.current.targetMinutes,
    description: kit.current.description,
    weights: kit.weights.map((w) => ({ skillId: w.skillId, weight: w.weight })),
    sections: kit.sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ questionVersionId: i.questionVersionId, minutes: i.minutes })) })),
    ...overrides,
  };
}

describe('kit builder', () => {
  it('starts from scratch, saves a draft with weights and questions, and computes coverage', async () => {
    const { kitId } = await createKit(admin, { name: 'API kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 });
    const { rows } = await searchQuestions(admin, { skill: skill['rest-api-design'], level: 'mid', pageSize: 2 });
    const saved = await saveKitDraft(
      admin,
      await draftPayload(kitId, {
        weights: [
          { skillId: skill['rest-api-design'], weight: 60 },
          { skillId: skill['git'], weight: 40 },
        ],
        sections: [{ title: 'APIs', items: rows.map((r) => ({ questionVersionId: r.versionId, minutes: 20 })) }],
      }),
    );
    expect(saved.revision).toBe(1);
    const kit = await getKit(admin, kitId);
    expect(kit.sections[0]!.items).toHaveLength(2);
    expect(kit.coverage.totalMinutes).toBe(40);
    expect(kit.coverage.warnings.map((w) => w.kind).sort()).toEqual(['over_time', 'uncovered_skill']);
  });

  it('detects concurrent edits of a draft', async () => {
    const { kitId } = await createKit(admin, { name: 'Contested kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 60 });
    const payload = await draftPayload(kitId);
    await saveKitDraft(admin, { ...payload, name: 'First save' });
    await expect(saveKitDraft(admin, { ...payload, name: 'Second save' })).rejects.toBeInstanceOf(ConflictError);
    expect((await getKit(admin, kitId)).kit.name).toBe('First save');
  });

  it('copies a template and publishes a frozen version that later question edits do not change', async () => {
    const [template] = await t.db.select().from(kits).where(and(isNull(kits.organizationId), eq(kits.builtinKey, 'backend-engineer-nodejs')));
    const { kitId } = await createKit(admin, { name: 'Node kit', roleTitle: 'Backend Engineer (Node.js)', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
    let kit = await getKit(admin, kitId);
    expect(kit.sections.flatMap((s) => s.items)).toHaveLength(6);

    // Put our own copy of a question in the kit, then publish.
    const firstItem = kit.sections[0]!.items[0]!;
    const own = await copyQuestionToOrganization(admin, { questionId: firstItem.questionId });
    const sections = kit.sections.map((s, i) => ({
      title: s.title,
      items: s.items.map((item, j) => ({ questionVersionId: i === 0 && j === 0 ? own.versionId : item.questionVersionId, minutes: item.minutes })),
    }));
    await saveKitDraft(admin, await draftPayload(kitId, { sections }));
    kit = await getKit(admin, kitId);
    await publishKit(admin, { kitId, revision: kit.current.revision });

    const ownQuestion = await getQuestion(admin, { questionId: own.questionId });
    const v = ownQuestion.version;
    await updateQuestion(admin, {
      questionId: own.questionId,
      baseVersion: 1,
      title: 'Edited after publishing',
      prompt: v.prompt,
      kind: v.kind,
      level: v.level,
      expectedMinutes: v.expectedMinutes,
      primarySkillId: v.primarySkillId,
      secondarySkillIds: [],
      listenFor: v.listenFor,
      redFlags: v.redFlags,
      followUps: v.followUps,
      rubric1: v.rubric1,
      rubric2: v.rubric2,
      rubric3: v.rubric3,
      rubric4: v.rubric4,
    });
    const published = await getKit(admin, kitId);
    expect(published.current.status).toBe('published');
    expect(published.sections[0]!.items[0]!.title).toBe(ownQuestion.version.title);
    expect(published.sections[0]!.items[0]!.title).not.toBe('Edited after publishing');

    // Editing a published kit starts a new draft; the published version stays.
    await expect(saveKitDraft(admin, await draftPayload(kitId))).rejects.toBeInstanceOf(ConflictError);
    const draft = await startKitDraft(admin, { kitId });
    expect(draft.version).toBe(2);
    const both = await getKit(admin, kitId);
    expect(both.versions.map((x) => [x.version, x.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(both.sections.flatMap((s) => s.items)).toHaveLength(6);
    // An interviewer sees version 1, never the draft.
    const interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    const seen = await getKit(interviewer, kitId);
    expect(seen.versions.map((x) => x.version)).toEqual([1]);
    expect(seen.current.status).toBe('published');
  });

  it('refuses to publish an empty kit, naming what is missing', async () => {
    const { kitId } = await createKit(admin, { name: 'Empty kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 });
    const error = await publishKit(admin, { kitId, revision: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['sections', 'weights']);
    expect((await getKit(admin, kitId)).current.status).toBe('draft');
  });

  it('validates input with field names and changes nothing', async () => {
    const bad = await createKit(admin, { name: '', roleTitle: 'x', level: 'guru', targetMinutes: 1 }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['level', 'name', 'roleTitle', 'targetMinutes']);
    const { kitId } = await createKit(admin, { name: 'Valid kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 });
    const error = await saveKitDraft(admin, await draftPayload(kitId, { weights: [{ skillId: skill.git, weight: 500 }], sections: [] })).catch((e) => e);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['sections', 'weights.0.weight']);
    expect((await getKit(admin, kitId)).current.revision).toBe(0);
  });

  it('enforces permissions (403) and tenant isolation (404); templates are read-only', async () => {
    const { kitId } = await createKit(admin, { name: 'Private kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 });
    const interviewer = (await addMember(t.db, admin.organizationId, 'interviewer')).ctx;
    // Interviewers read published kits only: a draft-only kit is not there for them.
    await expect(getKit(interviewer, kitId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listKits(interviewer)).map((k) => k.id)).not.toContain(kitId);
    expect((await listKits(admin)).map((k) => k.id)).toContain(kitId);
    await expect(createKit(interviewer, { name: 'Nope kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveKitDraft(interviewer, await draftPayload(kitId))).rejects.toBeInstanceOf(ForbiddenError);
    const other = (await createOrgWithAdmin(t.db)).ctx;
    await expect(getKit(other, kitId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveKitDraft(other, await draftPayload(kitId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishKit(other, { kitId, revision: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createKit(other, { name: 'Stolen copy', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30, sourceKitId: kitId })).rejects.toBeInstanceOf(ValidationError);
    const [template] = await t.db.select().from(kits).where(isNull(kits.organizationId)).limit(1);
    await expect(startKitDraft(admin, { kitId: template!.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('kit suggestion from the bank', () => {
  const weights = () => [
    { skillId: skill['api-security'], weight: 40 },
    { skillId: skill['sql-databases'], weight: 30 },
    { skillId: skill['git'], weight: 15 },
    { skillId: skill['communication'], weight: 15 },
  ];

  it('stays within budget, covers every weighted skill and is deterministic', async () => {
    const first = await suggestKitQuestions(admin, { level: 'mid', budgetMinutes: 60, weights: weights() });
    expect(first.reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(60);
    const covered = new Set(first.flatMap((i) => [i.primarySkillId, ...i.skillIds]));
    for (const w of weights()) expect(covered.has(w.skillId!)).toBe(true);
    expect(first.every((i) => i.reason.startsWith('Added'))).toBe(true);
    const again = await suggestKitQuestions(admin, { level: 'mid', budgetMinutes: 60, weights: weights().reverse() });
    expect(again.map((i) => i.questionVersionId)).toEqual(first.map((i) => i.questionVersionId));
  });

  it('names bad input', async () => {
    const error = await suggestKitQuestions(admin, { level: 'mid', budgetMinutes: 60, weights: [] }).catch((e) => e);
    expect(Object.keys(error.fieldErrors)).toEqual(['weights']);
  });
});
