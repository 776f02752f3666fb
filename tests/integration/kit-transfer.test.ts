import { count, eq, isNull, and } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { kits } from '@/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { createKit } from '@/lib/kits/mutations';
import { exportKit, importKit, kitFileOf, previewKitImport } from '@/lib/kits/transfer';
import { setupTestDatabase } from './support/database';
import { addMember, createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });

async function kitCount(organizationId: string) {
  const [row] = await t.db.select({ n: count() }).from(kits).where(eq(kits.organizationId, organizationId));
  return row!.n;
}

describe('kit files', () => {
  it('exports a kit with its questions and imports it into another organization unchanged', async () => {
    const source = (await createOrgWithAdmin(t.db, 'Kit exporter')).ctx;
    const [template] = await t.db.select().from(kits).where(and(isNull(kits.organizationId), eq(kits.builtinKey, 'backend-engineer-python-django')));
    const { kitId } = await createKit(source, { name: 'Django kit', roleTitle: 'Backend Engineer (Python/Django)', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
    const file = await exportKit(source, kitId);
    expect(file.filename).toBe('django-kit-v1.loopkit.json');

    const target = (await createOrgWithAdmin(t.db, 'Kit importer')).ctx;
    const preview = await previewKitImport(target, { content: file.body });
    expect(preview).toMatchObject({ ok: true, questionsToCreate: 6, kit: { name: 'Django kit' } });
    const { kitId: imported } = await importKit(target, { content: file.body });
    expect(await kitFileOf(target, imported)).toEqual(await kitFileOf(source, kitId));
  });

  it('validates everything first and imports nothing from a bad file', async () => {
    const source = (await createOrgWithAdmin(t.db)).ctx;
    const [template] = await t.db.select().from(kits).where(isNull(kits.organizationId)).limit(1);
    const { kitId } = await createKit(source, { name: 'Any kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 90, sourceKitId: template!.id });
    const doc = JSON.parse((await exportKit(source, kitId)).body);
    doc.kit.sections[0].items[0].question.primarySkill = 'cobol';
    doc.kit.sections[0].items[1].question.rubric['3'] = '';
    const target = (await createOrgWithAdmin(t.db)).ctx;
    const preview = await previewKitImport(target, { content: JSON.stringify(doc) });
    expect(preview.ok).toBe(false);
    const error = await importKit(target, { content: JSON.stringify(doc) }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors)).toEqual(['kit.sections.0.items.1.question.rubric.3']);
    doc.kit.sections[0].items[1].question.rubric['3'] = 'A solid answer that meets the bar.';
    const skillError = await importKit(target, { content: JSON.stringify(doc) }).catch((e) => e);
    expect(skillError.fieldErrors).toEqual({ 'kit.sections.0.items.0.question.primarySkill': ['Unknown skill "cobol"'] });
    expect(await kitCount(target.organizationId)).toBe(0);
  });

  it('enforces permissions and tenant isolation', async () => {
    const owner = (await createOrgWithAdmin(t.db)).ctx;
    const { kitId } = await createKit(owner, { name: 'Secret kit', roleTitle: 'Backend Engineer', level: 'mid', targetMinutes: 30 });
    const other = (await createOrgWithAdmin(t.db)).ctx;
    await expect(exportKit(other, kitId)).rejects.toBeInstanceOf(NotFoundError);
    const interviewer = (await addMember(t.db, owner.organizationId, 'interviewer')).ctx;
    await expect(importKit(interviewer, { content: (await exportKit(owner, kitId)).body })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
