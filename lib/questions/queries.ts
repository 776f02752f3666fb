import 'server-only';
// Reads of the question bank: the organization's questions plus the built-in bank.
import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import { questions, questionVersions, skills } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { ownOrBuiltin } from '../scoping';
import { parseInput } from '../validation';
import { ListQuestionsInput, QuestionIdInput } from './schemas';

function latestVersionJoin() {
  return and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.latestVersion));
}

export async function listQuestions(ctx: Ctx, input: ListQuestionsInput = {}) {
  requirePermission(ctx, 'question:read');
  const { page, pageSize, origin } = parseInput(ListQuestionsInput, input);
  const scope: SQL =
    origin === 'builtin' ? isNull(questions.organizationId) : origin === 'ours' ? eq(questions.organizationId, ctx.organizationId) : ownOrBuiltin(questions.organizationId, ctx.organizationId);
  const where = and(scope, eq(questions.status, 'active'));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: questions.id,
        builtin: isNull(questions.organizationId),
        title: questionVersions.title,
        kind: questionVersions.kind,
        level: questionVersions.level,
        minutes: questionVersions.expectedMinutes,
        skill: skills.name,
      })
      .from(questions)
      .innerJoin(questionVersions, latestVersionJoin())
      .innerJoin(skills, eq(skills.id, questionVersions.primarySkillId))
      .where(where)
      .orderBy(asc(skills.name), asc(questionVersions.title))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(questions).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize };
}

/** One question at its latest version, if the organization can see it (its own or built in). */
export async function getQuestion(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:read');
  const { questionId } = parseInput(QuestionIdInput, input);
  const [row] = await ctx.db
    .select({ question: questions, version: questionVersions, skill: skills.name })
    .from(questions)
    .innerJoin(questionVersions, latestVersionJoin())
    .innerJoin(skills, eq(skills.id, questionVersions.primarySkillId))
    .where(and(eq(questions.id, questionId), ownOrBuiltin(questions.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Question');
  return { ...row, builtin: row.question.organizationId === null };
}
