import 'server-only';
// An organization's own skills and categories, added beside the built-in taxonomy.
import { and, eq, isNull, or } from 'drizzle-orm';
import { skillCategories, skills } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { slugify } from '../orgs/slug';
import { parseInput } from '../validation';
import { CreateSkillCategoryInput, CreateSkillInput, SkillIdInput } from './schemas';

export async function createSkillCategory(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const data = parseInput(CreateSkillCategoryInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const slug = slugify(data.name);
    const [clash] = await db
      .select({ id: skillCategories.id })
      .from(skillCategories)
      .where(and(eq(skillCategories.slug, slug), or(eq(skillCategories.organizationId, ctx.organizationId), isNull(skillCategories.organizationId))));
    if (clash) throw ValidationError.field('name', 'A category with this name already exists');
    const [row] = await db.insert(skillCategories).values({ organizationId: ctx.organizationId, slug, name: data.name, description: data.description, position: 1000 }).returning();
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'skill_category.created', entityType: 'skill_category', entityId: row!.id, data: { name: data.name } });
    return row!;
  });
}

export async function createSkill(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const data = parseInput(CreateSkillInput, input);
  return inTransaction(ctx, async ({ db }) => {
    const [category] = await db
      .select()
      .from(skillCategories)
      .where(and(eq(skillCategories.id, data.categoryId), or(eq(skillCategories.organizationId, ctx.organizationId), isNull(skillCategories.organizationId))));
    if (!category) throw ValidationError.field('categoryId', 'Choose a category from the list');
    const slug = slugify(data.name);
    const [clash] = await db.select({ id: skills.id }).from(skills).where(and(eq(skills.slug, slug), or(eq(skills.organizationId, ctx.organizationId), isNull(skills.organizationId))));
    if (clash) throw ValidationError.field('name', 'A skill with this name already exists');
    const [row] = await db.insert(skills).values({ organizationId: ctx.organizationId, categoryId: category.id, slug, name: data.name, description: data.description, position: 1000 }).returning();
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'skill.created', entityType: 'skill', entityId: row!.id, data: { name: data.name } });
    return row!;
  });
}

/** Archived skills stay on existing questions and kits but can no longer be chosen. */
export async function archiveSkill(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const { skillId } = parseInput(SkillIdInput, input);
  await inTransaction(ctx, async ({ db }) => {
    const [row] = await db
      .update(skills)
      .set({ archivedAt: new Date() })
      .where(and(eq(skills.id, skillId), eq(skills.organizationId, ctx.organizationId), isNull(skills.archivedAt)))
      .returning({ id: skills.id });
    if (!row) throw new NotFoundError('Skill');
    await recordAudit(db, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: 'skill.archived', entityType: 'skill', entityId: skillId });
  });
}
