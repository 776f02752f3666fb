import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { archiveSkill, createSkill, createSkillCategory } from '@/lib/skills/mutations';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });

describe('organization skills', () => {
  it('adds categories and skills beside the built-in taxonomy, visible only to the organization', async () => {
    const { ctx } = await createOrgWithAdmin(t.db);
    const category = await createSkillCategory(ctx, { name: 'Payments domain', description: 'Money movement' });
    const skill = await createSkill(ctx, { categoryId: category.id, name: 'Ledger design' });
    const builtinCategory = (await listSkillTaxonomy(ctx)).find((c) => c.builtin)!;
    await createSkill(ctx, { categoryId: builtinCategory.id, name: 'Elixir' });
    const taxonomy = await listSkillTaxonomy(ctx);
    expect(taxonomy.find((c) => c.id === category.id)).toMatchObject({ builtin: false, skills: [{ name: 'Ledger design', builtin: false }] });
    expect(taxonomy.find((c) => c.id === builtinCategory.id)!.skills.map((s) => s.name)).toContain('Elixir');

    const other = (await createOrgWithAdmin(t.db)).ctx;
    const theirs = await listSkillTaxonomy(other);
    expect(theirs.find((c) => c.id === category.id)).toBeUndefined();
    expect(theirs.flatMap((c) => c.skills).map((s) => s.name)).not.toContain('Elixir');
    await expect(archiveSkill(other, { skillId: skill.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSkill(other, { categoryId: category.id, name: 'Sneaky' })).rejects.toBeInstanceOf(ValidationError);

    await archiveSkill(ctx, { skillId: skill.id });
    expect((await listSkillTaxonomy(ctx)).flatMap((c) => c.skills).map((s) => s.id)).not.toContain(skill.id);
  });

  it('refuses duplicates and bad input by field, and needs question:write', async () => {
    const { ctx, organizationId } = await createOrgWithAdmin(t.db);
    const builtinCategory = (await listSkillTaxonomy(ctx)).find((c) => c.builtin)!;
    const dup = await createSkill(ctx, { categoryId: builtinCategory.id, name: 'Python' }).catch((e) => e);
    expect(dup.fieldErrors).toEqual({ name: ['A skill with this name already exists'] });
    const bad = await createSkill(ctx, { categoryId: 'x', name: '' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['categoryId', 'name']);
    const interviewer = (await addMember(t.db, organizationId, 'interviewer')).ctx;
    await expect(createSkillCategory(interviewer, { name: 'Nope' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
