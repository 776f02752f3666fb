import { jsonWithEtag } from '@/lib/api/conditional';
import { getQuestion } from '@/lib/questions/queries';
import { apiRoute } from '../../handler';

/** One question at its current version, with its skills and anchored rubric. */
export const GET = apiRoute<{ questionId: string }>(async (ctx, request, { questionId }) => {
  const { question, version, skills, builtin } = await getQuestion(ctx, { questionId });
  return jsonWithEtag(request, {
    question: { id: question.id, status: question.status, builtin, version: version.version, updatedAt: question.updatedAt.toISOString() },
    content: {
      title: version.title,
      prompt: version.prompt,
      kind: version.kind,
      level: version.level,
      expectedMinutes: version.expectedMinutes,
      primarySkillId: version.primarySkillId,
      listenFor: version.listenFor,
      redFlags: version.redFlags,
      followUps: version.followUps,
      rubric: [version.rubric1, version.rubric2, version.rubric3, version.rubric4],
    },
    skills,
  });
});
