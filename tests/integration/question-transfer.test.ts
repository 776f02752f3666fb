import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { questions, skills } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { createQuestion } from '@/lib/questions/mutations';
import { questionTemplate } from '@/lib/questions/file-format';
import { exportQuestions, importQuestions, previewQuestionImport } from '@/lib/questions/transfer';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });
let source: Ctx;

async function questionCount(organizationId: string) {
  const [row] = await t.db.select({ n: count() }).from(questions).where(eq(questions.organizationId, organizationId));
  return row!.n;
}

function withoutIds(body: string) {
  return (JSON.parse(body).questions as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
}

beforeAll(async () => {
  source = (await createOrgWithAdmin(t.db, 'Exporter')).ctx;
  const rows = await t.db.select({ id: skills.id, slug: skills.slug }).from(skills);
  const skill = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  const base = {
    kind: 'technical',
    level: 'mid',
    expectedMinutes: 15,
    listenFor: ['Mentions the trade-off, with numbers', 'Says "it depends" and then says on what'],
    redFlags: ['Quotes "like this", commas; and semicolons survive the CSV'],
    prompt: 'A prompt with a line break\nand "quotes", which CSV must keep.',
    followUps: [],
    rubric1: 'Cannot explain the basic idea at all.',
    rubric2: 'Knows the words, not the consequences.',
    rubric3: 'Explains it and applies it to our case.',
    rubric4: 'Explains, applies, and names the failure modes.',
  };
  await createQuestion(source, { ...base, title: 'Connection pooling, "explained"', prompt: 'Why does an app need a connection pool, and how big should it be?', primarySkillId: skill['query-optimization'], secondarySkillIds: [skill['scalability']] });
  await createQuestion(source, { ...base, title: 'Choosing an HTTP status', prompt: 'Which status code for a duplicate create, and why?', primarySkillId: skill['rest-api-design'], secondarySkillIds: [], followUps: ['What about 409 vs 422?'] });
});

describe('question bank export and import', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`round-trips through ${format.toUpperCase()} into another organization without loss`, async () => {
      const exported = await exportQuestions(source, { format });
      expect(exported.count).toBe(2);
      const target = (await createOrgWithAdmin(t.db)).ctx;
      const preview = await previewQuestionImport(target, { format, content: exported.body });
      expect(preview).toMatchObject({ ok: true, counts: { create: 2, update: 0, unchanged: 0 } });
      await importQuestions(target, { format, content: exported.body });
      const again = await exportQuestions(target, { format: 'json' });
      const original = await exportQuestions(source, { format: 'json' });
      expect(withoutIds(again.body)).toEqual(withoutIds(original.body));
    });
  }

  it('re-importing an export into the same organization changes nothing; an edited row becomes an update', async () => {
    const exported = await exportQuestions(source, { format: 'json' });
    expect(await previewQuestionImport(source, { format: 'json', content: exported.body })).toMatchObject({ ok: true, counts: { unchanged: 2 } });
    const doc = JSON.parse(exported.body);
    doc.questions[0].expectedMinutes = 20;
    const preview = await previewQuestionImport(source, { format: 'json', content: JSON.stringify(doc) });
    expect(preview).toMatchObject({ ok: true, counts: { update: 1, unchanged: 1 } });
    const before = await questionCount(source.organizationId);
    await importQuestions(source, { format: 'json', content: JSON.stringify(doc) });
    expect(await questionCount(source.organizationId)).toBe(before);
    const after = await exportQuestions(source, { format: 'json' });
    expect(JSON.parse(after.body).questions[0].expectedMinutes).toBe(20);
  });

  it('reports every error by row and field, and imports nothing when any row is bad', async () => {
    const exported = await exportQuestions(source, { format: 'csv' });
    const lines = exported.body.split('\r\n');
    // Break row 2: unknown skill and an invalid level.
    const broken = [lines[0], lines[1], lines.slice(2).join('\r\n').replace(',mid,', ',principal,').replace('rest-api-design', 'rest-api-desing')].join('\r\n');
    const target = (await createOrgWithAdmin(t.db)).ctx;
    const preview = await previewQuestionImport(target, { format: 'csv', content: broken });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, field: 'level', label: 'Level' })]));
    const error = await importQuestions(target, { format: 'csv', content: broken }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await questionCount(target.organizationId)).toBe(0);

    const unknownSkill = lines.join('\r\n').replace('rest-api-design', 'rest-api-desing');
    const skillPreview = await previewQuestionImport(target, { format: 'csv', content: unknownSkill });
    expect(skillPreview).toMatchObject({ ok: false, errors: [{ field: 'primary_skill', message: 'Unknown skill "rest-api-desing"' }] });
    expect(await previewQuestionImport(target, { format: 'json', content: '{ nope' })).toMatchObject({ ok: false, errors: [{ field: 'file' }] });
    expect(await previewQuestionImport(target, { format: 'csv', content: 'title,prompt\nx,y' })).toMatchObject({ ok: false, errors: [{ field: 'header' }] });
    expect(await questionCount(target.organizationId)).toBe(0);
  });

  it('speaks in the form\'s labels, numbers rows as a spreadsheet does and reports unknown skills in the same pass', async () => {
    const target = (await createOrgWithAdmin(t.db)).ctx;
    const header = 'title,prompt,kind,level,expected_minutes,primary_skill,secondary_skills,listen_for,red_flags,follow_ups,rubric_1,rubric_2,rubric_3,rubric_4';
    const good = 'A perfectly fine title,A prompt that is long enough,technical,mid,15,rest-api-design,,Point one,Flag one,,Anchor one text here,Anchor two text here,Anchor three text,Anchor four text here';
    // Row 3 (the second question) has three problems at once, one of them an unknown skill.
    const bad = 'Another fine title,A prompt that is long enough,technical,mid,abc,no-such-skill,,,Flag one,,Anchor one text here,Anchor two text here,Anchor three text,Anchor four text here';
    const preview = await previewQuestionImport(target, { format: 'csv', content: [header, good, bad].join('\r\n') });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.numbering).toMatch(/header is row 1/);
    expect(preview.errors).toEqual([
      { row: 3, field: 'expected_minutes', label: 'Expected minutes', message: 'Expected minutes must be a number' },
      { row: 3, field: 'listen_for', label: 'Listen for', message: 'Add at least one listen-for point' },
      { row: 3, field: 'primary_skill', label: 'Primary skill', message: 'Unknown skill "no-such-skill"' },
    ]);
    // No message names an internal field.
    expect(preview.errors.map((e) => e.message).join(' ')).not.toMatch(/listenFor|expectedMinutes|primarySkill/);

    // JSON counts questions from 1, by their position in the file.
    const doc = JSON.parse(questionTemplate('json'));
    doc.questions.push({ ...doc.questions[0], primarySkill: 'nope', level: 'principal' });
    const json = await previewQuestionImport(target, { format: 'json', content: JSON.stringify(doc) });
    expect(json).toMatchObject({
      ok: false,
      numbering: expect.stringMatching(/position/),
      errors: [
        { row: 2, field: 'level', label: 'Level' },
        { row: 2, field: 'primarySkill', label: 'Primary skill', message: 'Unknown skill "nope"' },
      ],
    });
    expect(await questionCount(target.organizationId)).toBe(0);
  });

  for (const format of ['csv', 'json'] as const) {
    it(`offers a ${format.toUpperCase()} template that imports as it is`, async () => {
      const target = (await createOrgWithAdmin(t.db)).ctx;
      const preview = await previewQuestionImport(target, { format, content: questionTemplate(format) });
      expect(preview).toMatchObject({ ok: true, counts: { create: 1, update: 0, unchanged: 0 }, rows: [{ row: format === 'csv' ? 2 : 1, action: 'create' }] });
    });
  }

  it('needs question:write to import (403) and bad input names the field (422)', async () => {
    const interviewer = (await addMember(t.db, source.organizationId, 'interviewer')).ctx;
    await expect(importQuestions(interviewer, { format: 'json', content: '{}' })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await previewQuestionImport(source, { format: 'xml', content: '' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['content', 'format']);
  });
});
