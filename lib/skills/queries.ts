import 'server-only';
// The skill taxonomy as the organization sees it: built-in categories and skills plus its own.
import { and, asc, isNull } from 'drizzle-orm';
import { skillCategories, skills } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { ownOrBuiltin } from '../scoping';

export interface TaxonomyCategory {
  id: string;
  name: string;
  description: string;
  builtin: boolean;
  skills: { id: string; slug: string; name: string; description: string; builtin: boolean }[];
}

export async function listSkillTaxonomy(ctx: Ctx): Promise<TaxonomyCategory[]> {
  requirePermission(ctx, 'question:read');
  const [categories, skillRows] = await Promise.all([
    ctx.db.select().from(skillCategories).where(ownOrBuiltin(skillCategories.organizationId, ctx.organizationId)).orderBy(asc(skillCategories.position), asc(skillCategories.name)),
    ctx.db
      .select()
      .from(skills)
      .where(and(ownOrBuiltin(skills.organizationId, ctx.organizationId), isNull(skills.archivedAt)))
      .orderBy(asc(skills.position), asc(skills.name)),
  ]);
  return categories.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    builtin: c.organizationId === null,
    skills: skillRows
      .filter((s) => s.categoryId === c.id)
      .map((s) => ({ id: s.id, slug: s.slug, name: s.name, description: s.description, builtin: s.organizationId === null })),
  }));
}
