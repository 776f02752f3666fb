import type { Metadata } from 'next';
import { AccessDenied, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { requirePageContext } from '../../page-context';
import { QuestionForm } from '../question-form';

export const metadata: Metadata = { title: 'New question' };

export default async function NewQuestionPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:write')) return <AccessDenied what="writing questions" />;
  const taxonomy = await listSkillTaxonomy(ctx);
  return (
    <div className="max-w-3xl">
      <PageHeader title="New question" description="Questions belong to your organization’s bank. Every saved edit becomes a new version." />
      <QuestionForm taxonomy={taxonomy} />
    </div>
  );
}
