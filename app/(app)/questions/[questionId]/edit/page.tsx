import type { Metadata } from 'next';
import { AccessDenied, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { versionToContent } from '@/lib/questions/content';
import { contentToFormValues } from '@/lib/questions/form-values';
import { getQuestion } from '@/lib/questions/queries';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { orNotFound, requirePageContext } from '../../../page-context';
import { QuestionForm } from '../../question-form';

export const metadata: Metadata = { title: 'Edit question' };

export default async function EditQuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:write')) return <AccessDenied what="writing questions" />;
  const { questionId } = await params;
  const data = await orNotFound(getQuestion(ctx, { questionId }));
  if (data.builtin) return <AccessDenied what="editing a built-in question (copy it to your bank first)" />;
  const v = data.version;
  const taxonomy = await listSkillTaxonomy(ctx);
  return (
    <div className="max-w-3xl">
      <PageHeader title={`Edit: ${v.title}`} description={`You are editing version ${v.version}. Saving creates version ${v.version + 1}; kits that pinned earlier versions keep them.`} />
      <QuestionForm
        taxonomy={taxonomy}
        questionId={data.question.id}
        baseVersion={v.version}
        initial={contentToFormValues(versionToContent(v, data.skills.filter((s) => !s.isPrimary).map((s) => s.id)))}
      />
    </div>
  );
}
