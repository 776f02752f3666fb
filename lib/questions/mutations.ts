import 'server-only';
// Changes to the question bank. Copying a built-in question gives the organization its own
// editable question (version 1) that remembers where it came from.
import { eq } from 'drizzle-orm';
import { questions, questionVersionSkills, questionVersions } from '@/db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTransaction, requirePermission } from '../context';
import { parseInput } from '../validation';
import { getQuestion } from './queries';
import { QuestionIdInput } from './schemas';

export async function copyQuestionToOrganization(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:write');
  const { questionId } = parseInput(QuestionIdInput, input);
  return inTransaction(ctx, async (tx) => {
    const source = await getQuestion(tx, { questionId });
    const organizationId = ctx.organizationId;
    const [copy] = await tx.db
      .insert(questions)
      .values({ organizationId, copiedFromQuestionId: source.question.id, createdByUserId: ctx.userId })
      .returning();
    const { id: _id, questionId: _q, version: _v, createdAt: _c, organizationId: _o, createdByUserId: _u, ...content } = source.version;
    const [version] = await tx.db
      .insert(questionVersions)
      .values({ ...content, organizationId, questionId: copy!.id, version: 1, createdByUserId: ctx.userId })
      .returning();
    const sourceSkills = await tx.db.select().from(questionVersionSkills).where(eq(questionVersionSkills.questionVersionId, source.version.id));
    await tx.db
      .insert(questionVersionSkills)
      .values(sourceSkills.map((s) => ({ organizationId, questionVersionId: version!.id, skillId: s.skillId, isPrimary: s.isPrimary })));
    await recordAudit(tx.db, {
      organizationId,
      actorUserId: ctx.userId,
      action: 'question.copied',
      entityType: 'question',
      entityId: copy!.id,
      data: { from: source.question.id },
    });
    return { questionId: copy!.id, versionId: version!.id };
  });
}
