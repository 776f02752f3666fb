import 'server-only';
// Reads of interview kits: the organization's kits and the built-in templates, with the content
// of a version (sections, items at their pinned question versions, skill weights) and coverage.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { kitItems, kits, kitSections, kitSkillWeights, kitVersions, questionVersions, questionVersionSkills, skills } from '@/db/schema';
import { can, type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { parseId } from '../ids';
import { ownOrBuiltin } from '../scoping';
import { computeCoverage } from './coverage';

export async function listKits(ctx: Ctx) {
  requirePermission(ctx, 'kit:read');
  return ctx.db
    .select({
      id: kits.id,
      name: kits.name,
      isTemplate: kits.isTemplate,
      builtin: isNull(kits.organizationId),
      latestVersion: sql<number>`max(${kitVersions.version})`,
      hasDraft: sql<boolean>`bool_or(${kitVersions.status} = 'draft')`,
      publishedVersion: sql<number | null>`max(${kitVersions.version}) filter (where ${kitVersions.status} = 'published')`,
      roleTitle: sql<string>`(array_agg(${kitVersions.roleTitle} order by ${kitVersions.version} desc))[1]`,
      level: sql<string>`(array_agg(${kitVersions.level}::text order by ${kitVersions.version} desc))[1]`,
      targetMinutes: sql<number>`(array_agg(${kitVersions.targetMinutes} order by ${kitVersions.version} desc))[1]`,
    })
    .from(kits)
    .innerJoin(kitVersions, eq(kitVersions.kitId, kits.id))
    .where(and(ownOrBuiltin(kits.organizationId, ctx.organizationId), isNull(kits.archivedAt)))
    .groupBy(kits.id)
    // Members who cannot write kits (interviewers) see only kits with a published version.
    .having(can(ctx, 'kit:write') ? undefined : sql`bool_or(${kitVersions.status} = 'published')`)
    .orderBy(desc(kits.isTemplate), asc(kits.name));
}

/** The kit if the organization can see it (its own or a built-in template), else NotFound. */
export async function getVisibleKit(ctx: Ctx, kitIdInput: unknown) {
  const kitId = parseId('kitId', kitIdInput);
  const [kit] = await ctx.db.select().from(kits).where(and(eq(kits.id, kitId), ownOrBuiltin(kits.organizationId, ctx.organizationId)));
  if (!kit) throw new NotFoundError('Kit');
  return kit;
}

export interface KitContentItem {
  id: string;
  questionVersionId: string;
  questionId: string;
  title: string;
  prompt: string;
  minutes: number;
  expectedMinutes: number;
  level: string;
  kind: string;
  primarySkillId: string;
  skillIds: string[];
  listenFor: string[];
  redFlags: string[];
  followUps: string[];
  rubric: [string, string, string, string];
}

/**
 * One kit version with its sections, items (at their pinned question versions) and weights: the
 * kit builder's view and the live scorecard's. Scoped like every tenant read: the caller's own
 * organization's versions and the built-in ones (organization_id null); another organization's
 * id reads as missing.
 */
export async function loadKitVersionContent(ctx: Pick<Ctx, 'db' | 'organizationId'>, kitVersionId: string) {
  const { db } = ctx;
  const [version] = await db
    .select({ version: kitVersions, kitName: kits.name })
    .from(kitVersions)
    .innerJoin(kits, eq(kits.id, kitVersions.kitId))
    .where(and(eq(kitVersions.id, kitVersionId), ownOrBuiltin(kitVersions.organizationId, ctx.organizationId)));
  if (!version) throw new NotFoundError('Kit version');
  const [sectionRows, itemRows, weightRows] = await Promise.all([
    db.select().from(kitSections).where(eq(kitSections.kitVersionId, kitVersionId)).orderBy(asc(kitSections.position)),
    db
      .select({ item: kitItems, version: questionVersions })
      .from(kitItems)
      .innerJoin(questionVersions, eq(questionVersions.id, kitItems.questionVersionId))
      .where(eq(kitItems.kitVersionId, kitVersionId))
      .orderBy(asc(kitItems.position)),
    db
      .select({ skillId: kitSkillWeights.skillId, weight: kitSkillWeights.weight, name: skills.name, description: skills.description })
      .from(kitSkillWeights)
      .innerJoin(skills, eq(skills.id, kitSkillWeights.skillId))
      .where(eq(kitSkillWeights.kitVersionId, kitVersionId))
      .orderBy(desc(kitSkillWeights.weight), asc(skills.name)),
  ]);
  const versionIds = itemRows.map((r) => r.version.id);
  const skillRows = versionIds.length
    ? await db.select().from(questionVersionSkills).where(inArray(questionVersionSkills.questionVersionId, versionIds))
    : [];
  const skillIdsOf = (versionId: string) => skillRows.filter((s) => s.questionVersionId === versionId).map((s) => s.skillId);
  const toItem = ({ item, version: v }: (typeof itemRows)[number]): KitContentItem => ({
    id: item.id,
    questionVersionId: v.id,
    questionId: v.questionId,
    title: v.title,
    prompt: v.prompt,
    minutes: item.minutes,
    expectedMinutes: v.expectedMinutes,
    level: v.level,
    kind: v.kind,
    primarySkillId: v.primarySkillId,
    skillIds: skillIdsOf(v.id),
    listenFor: v.listenFor,
    redFlags: v.redFlags,
    followUps: v.followUps,
    rubric: [v.rubric1, v.rubric2, v.rubric3, v.rubric4],
  });
  return {
    kitName: version.kitName,
    version: version.version,
    sections: sectionRows.map((s) => ({ id: s.id, title: s.title, items: itemRows.filter((r) => r.item.sectionId === s.id).map(toItem) })),
    weights: weightRows,
  };
}

/** A kit with its versions and the content of one: the draft, or the requested/latest version. */
export async function getKit(ctx: Ctx, kitIdInput: unknown, options: { version?: number } = {}) {
  requirePermission(ctx, 'kit:read');
  const kit = await getVisibleKit(ctx, kitIdInput);
  const allVersions = await ctx.db.select().from(kitVersions).where(eq(kitVersions.kitId, kit.id)).orderBy(desc(kitVersions.version));
  // Drafts are work in progress: only members who can write kits see them.
  const versions = can(ctx, 'kit:write') ? allVersions : allVersions.filter((v) => v.status === 'published');
  const current =
    (options.version !== undefined ? versions.find((v) => v.version === options.version) : undefined) ??
    versions.find((v) => v.status === 'draft') ??
    versions[0];
  if (!current) throw new NotFoundError('Kit version');
  const { sections, weights } = await loadKitVersionContent(ctx, current.id);
  const coverage = computeCoverage({
    targetMinutes: current.targetMinutes,
    weights,
    items: sections.flatMap((s) => s.items.map((i) => ({ key: i.id, title: i.title, minutes: i.minutes, primarySkillId: i.primarySkillId, skillIds: i.skillIds }))),
  });
  return { kit, versions, current, sections, weights, coverage, builtin: kit.organizationId === null };
}

/** Kits with a published version, for choosing a stage's kit. */
export async function listPublishedKits(ctx: Ctx) {
  return (await listKits(ctx)).filter((k) => k.publishedVersion !== null);
}
