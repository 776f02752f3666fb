import type { Metadata } from 'next';
import { AccessDenied, BackLink, Badge, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getQuestion } from '@/lib/questions/queries';
import { KIND_LABELS, LEVEL_LABELS, RUBRIC_LABELS } from '@/lib/questions/schemas';
import { ButtonLink } from '@/app/_components/ui';
import { ArchiveQuestionButton } from './archive-button';
import { InlineMarkdown, inlineMarkdownLines, Markdown } from '@/app/_components/markdown';
import { orNotFound, requirePageContext } from '../../page-context';
import { CopyQuestionButton } from './copy-button';
import { listQuestionSamples } from '@/lib/training/queries';
import { CalibrationSamples } from './calibration-samples';

export const metadata: Metadata = { title: 'Question' };

/**
 * The bank link returns to the search the person came from: `from` carries the bank's query
 * string. Only the query string is reused, never a path, so the link cannot lead off the bank.
 */
function bankHref(from: string | undefined): string {
  if (!from) return '/questions';
  const params = new URLSearchParams(from);
  params.delete('from');
  const qs = params.toString();
  return qs ? `/questions?${qs}` : '/questions';
}


export default async function QuestionPage({ params, searchParams }: { params: Promise<{ questionId: string }>; searchParams: Promise<{ saved?: string; unchanged?: string; from?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:read')) return <AccessDenied what="the question bank" />;
  const { questionId } = await params;
  const data = await orNotFound(getQuestion(ctx, { questionId }));
  const v = data.version;
  const query = await searchParams;
  const saved = query.saved === '1';
  const unchanged = query.unchanged === '1';
  const canWrite = can(ctx, 'question:write');
  const archived = data.question.status === 'archived';
  const anchors = [v.rubric1, v.rubric2, v.rubric3, v.rubric4] as const;
  // Samples carry their reference ratings: only those who manage training see this section.
  const samples = can(ctx, 'training:manage') ? await listQuestionSamples(ctx, { questionId: data.question.id }) : null;
  return (
    <>
      <BackLink href={bankHref(query.from)}>Question bank</BackLink>
      <PageHeader
        title={v.title}
        description={
          <span className="flex flex-wrap gap-2">
            <Badge tone="brand">{data.skill}</Badge>
            <Badge>{KIND_LABELS[v.kind]}</Badge>
            <Badge>{LEVEL_LABELS[v.level]}</Badge>
            <Badge>{v.expectedMinutes} min</Badge>
            <Badge tone={data.builtin ? 'slate' : 'green'}>{data.builtin ? 'Built-in' : `Ours · v${v.version}`}</Badge>
            {archived ? <Badge tone="amber">Archived</Badge> : null}
          </span>
        }
        actions={
          <>
            {!data.builtin ? (
              <ButtonLink variant="secondary" href={`/questions/${data.question.id}/history`}>
                History
              </ButtonLink>
            ) : null}
            {canWrite && !data.builtin ? <ButtonLink href={`/questions/${data.question.id}/edit`}>Edit</ButtonLink> : null}
            {canWrite && !data.builtin ? <ArchiveQuestionButton questionId={data.question.id} archived={archived} /> : null}
            {data.ourCopy ? <ButtonLink href={`/questions/${data.ourCopy.id}`}>Open our copy</ButtonLink> : null}
            {canWrite && data.builtin && !data.ourCopy ? <CopyQuestionButton questionId={data.question.id} /> : null}
          </>
        }
      />
      {saved ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Saved as version {v.version}.
        </p>
      ) : null}
      {unchanged ? (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          Nothing changed, so no new version was saved. This is still version {v.version}.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Prompt</h2>
            <Markdown className="mt-2">{v.prompt}</Markdown>
          </Card>
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Rubric</h2>
            <ol className="mt-3 space-y-3">
              {anchors.map((text, i) => (
                <li key={RUBRIC_LABELS[i]} className="rounded-md border border-slate-200 p-3">
                  <p className="text-sm font-semibold text-slate-900">{RUBRIC_LABELS[i]}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    <InlineMarkdown>{text}</InlineMarkdown>
                  </p>
                </li>
              ))}
            </ol>
          </Card>
          {samples ? <CalibrationSamples questionId={data.question.id} currentVersion={v.version} anchors={inlineMarkdownLines(anchors)} samples={samples} /> : null}
        </div>
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Skills assessed</h2>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {data.skills.map((s) => (
                <li key={s.id}>
                  <Badge tone={s.isPrimary ? 'brand' : 'slate'}>
                    {s.name}
                    {s.isPrimary ? ' (primary)' : ''}
                  </Badge>
                </li>
              ))}
            </ul>
          </Card>
          <GuidanceList title="Listen for" items={v.listenFor} />
          <GuidanceList title="Red flags" items={v.redFlags} />
          <GuidanceList title="Follow-ups" items={v.followUps} />
        </div>
      </div>
    </>
  );
}

function GuidanceList({ title, items }: { title: string; items: string[] }) {
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
        {items.map((item) => (
          <li key={item}>
            <InlineMarkdown>{item}</InlineMarkdown>
          </li>
        ))}
      </ul>
    </Card>
  );
}
