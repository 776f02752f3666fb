// Loads and validates the built-in content in db/seed/content/: the skill taxonomy, the starter
// question bank and the kit templates. These JSON files are product, reviewed like code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CONTENT_DIR = path.join(process.cwd(), 'db', 'seed', 'content');

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug');
const Sentence = z.string().trim().min(10);

export const TaxonomyFile = z.object({
  categories: z
    .array(
      z.object({
        slug: Slug,
        name: z.string().min(2),
        description: Sentence,
        skills: z.array(z.object({ slug: Slug, name: z.string().min(2), description: Sentence })).min(1),
      }),
    )
    .min(1),
});
export type TaxonomyFile = z.infer<typeof TaxonomyFile>;

export const QUESTION_KINDS = ['technical', 'system_design', 'coding', 'behavioural', 'situational'] as const;
export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;

export const BuiltinQuestion = z
  .object({
    key: Slug,
    title: z.string().trim().min(5).max(120),
    prompt: z.string().trim().min(30),
    kind: z.enum(QUESTION_KINDS),
    level: z.enum(LEVELS),
    minutes: z.number().int().min(3).max(60),
    primarySkill: Slug,
    secondarySkills: z.array(Slug).max(4),
    listenFor: z.array(Sentence).min(2),
    redFlags: z.array(Sentence).min(2),
    followUps: z.array(Sentence).min(2),
    rubric: z.object({ '1': z.string().min(40), '2': z.string().min(40), '3': z.string().min(40), '4': z.string().min(40) }).strict(),
  })
  .strict();
export type BuiltinQuestion = z.infer<typeof BuiltinQuestion>;

export const KitTemplate = z
  .object({
    key: Slug,
    name: z.string().min(5),
    roleTitle: z.string().min(3),
    level: z.enum(LEVELS),
    targetMinutes: z.number().int().min(15).max(240),
    description: Sentence,
    skills: z.array(z.object({ skill: Slug, weight: z.number().int().min(1).max(100) })).min(2),
    sections: z
      .array(
        z.object({
          title: z.string().min(3),
          items: z.array(z.object({ question: Slug, minutes: z.number().int().min(3).max(60) })).min(1),
        }),
      )
      .min(1),
  })
  .strict();
export type KitTemplate = z.infer<typeof KitTemplate>;

export interface BuiltinContent {
  taxonomy: TaxonomyFile;
  questions: BuiltinQuestion[];
  kitTemplates: KitTemplate[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Reads every content file and checks cross-references; throws with every problem listed. */
export function loadBuiltinContent(dir = CONTENT_DIR): BuiltinContent {
  const problems: string[] = [];
  const taxonomy = TaxonomyFile.parse(readJson(path.join(dir, 'taxonomy.json')));
  const questions: BuiltinQuestion[] = [];
  const questionDir = path.join(dir, 'questions');
  for (const file of readdirSync(questionDir).filter((f) => f.endsWith('.json')).sort()) {
    const raw = readJson(path.join(questionDir, file));
    const parsed = z.array(BuiltinQuestion).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`questions/${file} ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    questions.push(...parsed.data);
  }
  const kitParse = z.array(KitTemplate).safeParse(readJson(path.join(dir, 'kit-templates.json')));
  if (!kitParse.success) {
    for (const issue of kitParse.error.issues) problems.push(`kit-templates.json ${issue.path.join('.')}: ${issue.message}`);
  }
  const kitTemplates = kitParse.success ? kitParse.data : [];

  const skillSlugs = new Set(taxonomy.categories.flatMap((c) => c.skills.map((s) => s.slug)));
  const seenSkills = new Set<string>();
  for (const c of taxonomy.categories) {
    for (const s of c.skills) {
      if (seenSkills.has(s.slug)) problems.push(`taxonomy: duplicate skill ${s.slug}`);
      seenSkills.add(s.slug);
    }
  }
  const questionKeys = new Set<string>();
  for (const q of questions) {
    if (questionKeys.has(q.key)) problems.push(`question ${q.key}: duplicate key`);
    questionKeys.add(q.key);
    if (!skillSlugs.has(q.primarySkill)) problems.push(`question ${q.key}: unknown primary skill ${q.primarySkill}`);
    for (const s of q.secondarySkills) {
      if (!skillSlugs.has(s)) problems.push(`question ${q.key}: unknown secondary skill ${s}`);
      if (s === q.primarySkill) problems.push(`question ${q.key}: secondary skill repeats the primary`);
    }
    if (new Set(Object.values(q.rubric)).size !== 4) problems.push(`question ${q.key}: rubric anchors must differ`);
  }
  for (const kit of kitTemplates) {
    for (const { skill } of kit.skills) if (!skillSlugs.has(skill)) problems.push(`kit ${kit.key}: unknown skill ${skill}`);
    for (const section of kit.sections) {
      for (const item of section.items) if (!questionKeys.has(item.question)) problems.push(`kit ${kit.key}: unknown question ${item.question}`);
    }
  }
  if (problems.length) throw new Error(`Built-in content is invalid:\n  ${problems.join('\n  ')}`);
  return { taxonomy, questions, kitTemplates };
}
