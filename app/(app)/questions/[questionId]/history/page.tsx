import type { Metadata } from 'next';
import { AccessDenied, BackLink, Badge, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getQuestionHistory } from '@/lib/questions/queries';
import { orNotFound, requirePageContext } from '../../../page-context';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown';

export const metadata: Metadata = { title: 'Question history' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export default async function QuestionHistoryPage({ params }: { params: Promise<{ questionId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:read')) return <AccessDenied what="the question bank" />;
  const { questionId } = await params;
  const history = await orNotFound(getQuestionHistory(ctx, { questionId }));
  return (
    <>
      <BackLink href={`/questions/${questionId}`}>Back to the question</BackLink>
      <PageHeader title="Version history" description="Every saved edit is a version. Kits and interviews keep the version they pinned." />
      <ol className="space-y-3">
        {history.versions.map(({ version, changed, author }) => (
          <li key={version.id}>
            <Card className="p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  Version {version.version}: {version.title}
                </h2>
                <span className="text-sm text-slate-600">
                  {when.format(version.createdAt)}
                  {author ? ` by ${author}` : ''}
                </span>
              </div>
              <p className="mt-2 flex flex-wrap gap-1.5 text-sm">
                {version.version === 1 ? (
                  <Badge>First version</Badge>
                ) : changed.length ? (
                  <>
                    <span className="text-slate-600">Changed:</span>
                    {changed.map((c) => (
                      <Badge key={c} tone="amber">
                        {c}
                      </Badge>
                    ))}
                  </>
                ) : (
                  // Saving without a change writes no version any more; older data may hold such rows.
                  <Badge>No content change</Badge>
                )}
              </p>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">Show this version</summary>
                <Markdown className="mt-2">{version.prompt}</Markdown>
                <ol className="mt-2 list-decimal pl-5 text-slate-700">
                  {[version.rubric1, version.rubric2, version.rubric3, version.rubric4].map((a, i) => (
                    <li key={i}>
                      <InlineMarkdown>{a}</InlineMarkdown>
                    </li>
                  ))}
                </ol>
              </details>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
