import 'server-only';
// Kit files: one JSON document with a kit version and the full text of its questions, to move a
// kit into another organization or another Loopkit install. Importing validates everything first
// (same rules as the bank import), then creates the questions and a draft kit in one transaction.
import { z } from 'zod';
import { kitItems, kits, kitSections, kitSkillWeights, kitVersions, questions } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';
import { QuestionFileEntry } from '../questions/file-format';
import { entryToContent } from '../questions/content';
import { insertQuestionVersion } from '../questions/mutations';
import { LEVELS } from '../questions/schemas';
import { skillLookup } from '../questions/transfer';
import { getKit } from './queries';
import { plural } from '../text';

export const KIT_FILE_FORMAT = 'loopkit.kit';

const KitFile = z.object({
  format: z.literal(KIT_FILE_FORMAT, { error: `format must be "${KIT_FILE_FORMAT}"` }),
  version: z.literal(1, { error: 'version must be 1' }),
  kit: z.object({
    name: z.string().trim().min(3).max(120),
    roleTitle: z.string().trim().min(2).max(120),
    level: z.enum(LEVELS),
    targetMinutes: z.number().int().min(5).max(600),
    description: z.string().max(2000).default(''),
    weights: z.array(z.object({ skill: z.string().min(1), weight: z.number().int().min(1).max(100) })).max(40),
    sections: z
      .array(
        z.object({
          title: z.string().trim().min(1).max(120),
          items: z.array(z.object({ minutes: z.number().int().min(1).max(240), question: QuestionFileEntry.omit({ id: true, status: true }) })).max(60),
        }),
      )
      .min(1)
      .max(20),
  }),
});

export async function exportKit(ctx: Ctx, kitIdInput: unknown, options: { version?: number } = {}) {
  const kit = await getKit(ctx, kitIdInput, options);
  const { slugById } = await skillLookup(ctx);
  const doc = {
    format: KIT_FILE_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    kit: {
      name: kit.kit.name,
      roleTitle: kit.current.roleTitle,
      level: kit.current.level,
      targetMinutes: kit.current.targetMinutes,
      description: kit.current.description,
      weights: kit.weights.map((w) => ({ skill: slugById.get(w.skillId) ?? '', weight: w.weight })),
      sections: kit.sections.map((s) => ({
        title: s.title,
        items: s.items.map((i) => ({
          minutes: i.minutes,
          question: {
            title: i.title,
            prompt: i.prompt,
            kind: i.kind,
            level: i.level,
            expectedMinutes: i.expectedMinutes,
            primarySkill: slugById.get(i.primarySkillId) ?? '',
            secondarySkills: i.skillIds.filter((id) => id !== i.primarySkillId).map((id) => slugById.get(id) ?? '').sort(),
            listenFor: i.listenFor,
            redFlags: i.redFlags,
            followUps: i.followUps,
            rubric: { '1': i.rubric[0], '2': i.rubric[1], '3': i.rubric[2], '4': i.rubric[3] },
          },
        })),
      })),
    },
  };
  const slug = kit.kit.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kit';
  return { filename: `${slug}-v${kit.current.version}.loopkit.json`, body: JSON.stringify(doc, null, 2) };
}

export interface KitFileError {
  field: string;
  message: string;
}

const ImportKitInput = z.object({ content: z.string({ error: 'Choose a file' }).min(1, 'The file is empty').max(5_000_000, 'The file is larger than 5 MB') });

async function validateKitFile(ctx: Ctx, input: unknown) {
  const { content } = parseInput(ImportKitInput, input);
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { ok: false as const, errors: [{ field: 'file', message: 'The file is not valid JSON' }] };
  }
  const parsed = KitFile.safeParse(data);
  if (!parsed.success) return { ok: false as const, errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'file', message: i.message })) };
  const { bySlug } = await skillLookup(ctx);
  const errors: KitFileError[] = [];
  const kit = parsed.data.kit;
  kit.weights.forEach((w, i) => {
    if (!bySlug.has(w.skill)) errors.push({ field: `kit.weights.${i}.skill`, message: `Unknown skill "${w.skill}"` });
  });
  kit.sections.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      const path = `kit.sections.${si}.items.${ii}.question`;
      if (!bySlug.has(item.question.primarySkill)) errors.push({ field: `${path}.primarySkill`, message: `Unknown skill "${item.question.primarySkill}"` });
      item.question.secondarySkills.forEach((slug) => {
        if (!bySlug.has(slug)) errors.push({ field: `${path}.secondarySkills`, message: `Unknown skill "${slug}"` });
      });
    }),
  );
  if (errors.length) return { ok: false as const, errors };
  return { ok: true as const, kit, bySlug };
}

export type KitImportPreview =
  | {
      ok: true;
      kit: { name: string; roleTitle: string; level: string; targetMinutes: number };
      sections: { title: string; questions: string[] }[];
      questionsToCreate: number;
      minutes: number;
    }
  | { ok: false; errors: KitFileError[] };

export async function previewKitImport(ctx: Ctx, input: unknown): Promise<KitImportPreview> {
  requirePermission(ctx, 'kit:write');
  const result = await validateKitFile(ctx, input);
  if (!result.ok) return { ok: false, errors: result.errors };
  const items = result.kit.sections.flatMap((s) => s.items);
  return {
    ok: true as const,
    kit: { name: result.kit.name, roleTitle: result.kit.roleTitle, level: result.kit.level, targetMinutes: result.kit.targetMinutes },
    sections: result.kit.sections.map((s) => ({ title: s.title, questions: s.items.map((i) => i.question.title) })),
    questionsToCreate: items.length,
    minutes: items.reduce((sum, i) => sum + i.minutes, 0),
  };
}

export async function importKit(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'kit:write');
  requirePermission(ctx, 'question:write');
  return inTransaction(ctx, async (tx) => {
    const result = await validateKitFile(tx, input);
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of result.errors) (fieldErrors[e.field] ??= []).push(e.message);
      throw new ValidationError(fieldErrors, `The kit file has ${plural(result.errors.length, 'error')}; nothing was imported.`);
    }
    const { kit: file, bySlug } = result;
    const organizationId = ctx.organizationId;
    const [kit] = await tx.db.insert(kits).values({ organizationId, name: file.name, createdByUserId: ctx.userId }).returning();
    const [version] = await tx.db
      .insert(kitVersions)
      .values({ organizationId, kitId: kit!.id, version: 1, status: 'draft', roleTitle: file.roleTitle, level: file.level, targetMinutes: file.targetMinutes, description: file.description })
      .returning();
    if (file.weights.length) {
      await tx.db.insert(kitSkillWeights).values(file.weights.map((w) => ({ organizationId, kitVersionId: version!.id, skillId: bySlug.get(w.skill)!, weight: w.weight })));
    }
    let position = 0;
    for (const [sectionIndex, section] of file.sections.entries()) {
      const [row] = await tx.db.insert(kitSections).values({ organizationId, kitVersionId: version!.id, position: sectionIndex, title: section.title }).returning();
      for (const item of section.items) {
        const q = item.question;
        const [question] = await tx.db.insert(questions).values({ organizationId, createdByUserId: ctx.userId }).returning();
        const questionVersion = await insertQuestionVersion(
          tx,
          question!.id,
          1,
          entryToContent(q, { primarySkillId: bySlug.get(q.primarySkill)!, secondarySkillIds: q.secondarySkills.map((slug) => bySlug.get(slug)!) }),
        );
        await tx.db.insert(kitItems).values({ organizationId, kitVersionId: version!.id, sectionId: row!.id, questionVersionId: questionVersion.id, position: position++, minutes: item.minutes });
      }
    }
    await recordAudit(tx.db, { organizationId, actorUserId: ctx.userId, action: 'kit.imported', entityType: 'kit', entityId: kit!.id, data: { name: file.name, questions: position } });
    return { kitId: kit!.id };
  });
}

/** Used by tests and the API to compare kits across organizations. */
export async function kitFileOf(ctx: Ctx, kitId: string) {
  return JSON.parse((await exportKit(ctx, kitId)).body).kit as z.infer<typeof KitFile>['kit'];
}

