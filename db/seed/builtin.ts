// Seeds the built-in content (organization_id null) idempotently: rows are matched on their
// stable slug/key, so re-running inserts only what is missing and never duplicates.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { refreshQuestionSearch } from '../search';
import {
  kitItems,
  kitSections,
  kitSkillWeights,
  kits,
  kitVersions,
  questions,
  questionSearchText,
  questionVersionSkills,
  questionVersions,
  skillCategories,
  skills,
} from '../schema';
import type { BuiltinContent } from './content';

export interface BuiltinIds {
  skillIdBySlug: Map<string, string>;
  questionVersionIdByKey: Map<string, string>;
  templateVersionIdByKey: Map<string, string>;
}

export async function seedBuiltinContent(db: DbExecutor, content: BuiltinContent): Promise<BuiltinIds> {
  return db.transaction(async (tx) => {
    // Taxonomy
    const existingCategories = await tx.select().from(skillCategories).where(isNull(skillCategories.organizationId));
    const categoryIdBySlug = new Map(existingCategories.map((c) => [c.slug, c.id]));
    const missingCategories = content.taxonomy.categories
      .map((c, position) => ({ slug: c.slug, name: c.name, description: c.description, position }))
      .filter((c) => !categoryIdBySlug.has(c.slug));
    if (missingCategories.length) {
      const inserted = await tx.insert(skillCategories).values(missingCategories).returning();
      for (const c of inserted) categoryIdBySlug.set(c.slug, c.id);
    }
    const existingSkills = await tx.select().from(skills).where(isNull(skills.organizationId));
    const skillIdBySlug = new Map(existingSkills.map((s) => [s.slug, s.id]));
    const missingSkills = content.taxonomy.categories.flatMap((c) =>
      c.skills
        .map((s, position) => ({ slug: s.slug, name: s.name, description: s.description, position, categoryId: categoryIdBySlug.get(c.slug)! }))
        .filter((s) => !skillIdBySlug.has(s.slug)),
    );
    if (missingSkills.length) {
      const inserted = await tx.insert(skills).values(missingSkills).returning();
      for (const s of inserted) skillIdBySlug.set(s.slug, s.id);
    }
    const skillId = (slug: string) => {
      const id = skillIdBySlug.get(slug);
      if (!id) throw new Error(`unknown skill ${slug}`);
      return id;
    };

    // Questions: one row plus version 1 each.
    const existingQuestions = await tx
      .select({ key: questions.builtinKey, versionId: questionVersions.id })
      .from(questions)
      .innerJoin(questionVersions, and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.latestVersion)))
      .where(isNull(questions.organizationId));
    const questionVersionIdByKey = new Map(existingQuestions.map((q) => [q.key!, q.versionId]));
    const missingQuestions = content.questions.filter((q) => !questionVersionIdByKey.has(q.key));
    if (missingQuestions.length) {
      const insertedQuestions = await tx
        .insert(questions)
        .values(missingQuestions.map((q) => ({ builtinKey: q.key })))
        .returning({ id: questions.id, key: questions.builtinKey });
      const questionIdByKey = new Map(insertedQuestions.map((q) => [q.key!, q.id]));
      const insertedVersions = await tx
        .insert(questionVersions)
        .values(
          missingQuestions.map((q) => ({
            questionId: questionIdByKey.get(q.key)!,
            version: 1,
            title: q.title,
            prompt: q.prompt,
            kind: q.kind,
            level: q.level,
            expectedMinutes: q.minutes,
            primarySkillId: skillId(q.primarySkill),
            listenFor: q.listenFor,
            redFlags: q.redFlags,
            followUps: q.followUps,
            rubric1: q.rubric['1'],
            rubric2: q.rubric['2'],
            rubric3: q.rubric['3'],
            rubric4: q.rubric['4'],
            searchText: questionSearchText(q),
          })),
        )
        .returning({ id: questionVersions.id, questionId: questionVersions.questionId });
      const keyByQuestionId = new Map(insertedQuestions.map((q) => [q.id, q.key!]));
      for (const v of insertedVersions) questionVersionIdByKey.set(keyByQuestionId.get(v.questionId)!, v.id);
      await tx.execute(sql`
        update ${questions} set current_version_id = v.id
        from ${questionVersions} v
        where v.question_id = ${questions.id} and v.version = ${questions.latestVersion} and ${questions.currentVersionId} is null`);
      await refreshQuestionSearch(tx, sql`q.organization_id is null`);
      await tx.insert(questionVersionSkills).values(
        missingQuestions.flatMap((q) => {
          const versionId = questionVersionIdByKey.get(q.key)!;
          return [
            { questionVersionId: versionId, skillId: skillId(q.primarySkill), isPrimary: true },
            ...q.secondarySkills.map((s) => ({ questionVersionId: versionId, skillId: skillId(s), isPrimary: false })),
          ];
        }),
      );
    }

    // Kit templates: a kit with one published version each.
    const existingTemplates = await tx
      .select({ key: kits.builtinKey, versionId: kitVersions.id })
      .from(kits)
      .innerJoin(kitVersions, eq(kitVersions.kitId, kits.id))
      .where(and(isNull(kits.organizationId), eq(kits.isTemplate, true)));
    const templateVersionIdByKey = new Map(existingTemplates.map((t) => [t.key!, t.versionId]));
    for (const template of content.kitTemplates) {
      if (templateVersionIdByKey.has(template.key)) continue;
      const versionId = await insertKitVersion(tx, {
        organizationId: null,
        kit: { builtinKey: template.key, isTemplate: true, name: template.name },
        version: {
          roleTitle: template.roleTitle,
          level: template.level,
          targetMinutes: template.targetMinutes,
          description: template.description,
        },
        weights: template.skills.map((s) => ({ skillId: skillId(s.skill), weight: s.weight })),
        sections: template.sections.map((section) => ({
          title: section.title,
          items: section.items.map((item) => ({ questionVersionId: questionVersionIdByKey.get(item.question)!, minutes: item.minutes })),
        })),
      });
      templateVersionIdByKey.set(template.key, versionId);
    }
    return { skillIdBySlug, questionVersionIdByKey, templateVersionIdByKey };
  });
}

export interface KitVersionSpec {
  organizationId: string | null;
  kit: { builtinKey?: string; isTemplate?: boolean; name: string };
  version: { roleTitle: string; level: 'junior' | 'mid' | 'senior' | 'staff'; targetMinutes: number; description: string };
  weights: { skillId: string; weight: number }[];
  sections: { title: string; items: { questionVersionId: string; minutes: number }[] }[];
}

/** Inserts a kit and its first, published version; returns the version id. */
export async function insertKitVersion(db: DbExecutor, spec: KitVersionSpec): Promise<string> {
  const organizationId = spec.organizationId;
  const [kit] = await db.insert(kits).values({ organizationId, ...spec.kit }).returning({ id: kits.id });
  const [version] = await db
    .insert(kitVersions)
    .values({ organizationId, kitId: kit!.id, version: 1, status: 'published', publishedAt: new Date(), ...spec.version })
    .returning({ id: kitVersions.id });
  const kitVersionId = version!.id;
  await db.insert(kitSkillWeights).values(spec.weights.map((w) => ({ organizationId, kitVersionId, ...w })));
  let position = 0;
  for (const [sectionIndex, section] of spec.sections.entries()) {
    const [row] = await db
      .insert(kitSections)
      .values({ organizationId, kitVersionId, position: sectionIndex, title: section.title })
      .returning({ id: kitSections.id });
    await db.insert(kitItems).values(
      section.items.map((item) => ({ organizationId, kitVersionId, sectionId: row!.id, position: position++, ...item })),
    );
  }
  return kitVersionId;
}
