// One calibration exercise. Before the trainee rates: the question, its anchors and the sample
// answer — nothing else, because getExercise returns nothing else. After: the reference rating and
// its rationale, and how the other trainees rated (counts, no names).
import type { Metadata } from 'next';
import { InlineMarkdown, inlineMarkdownLines, Markdown } from '@/app/_components/markdown';
import { LocalTime } from '@/app/_components/local-time';
import { AccessDenied, Badge, BackLink, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { RUBRIC_LABELS } from '@/lib/questions/schemas';
import { type ExerciseResult, getExercise, TRAINEE_PERMISSION } from '@/lib/training/queries';
import { orNotFound, requirePageContext } from '../../page-context';
import { RateForm } from './rate-form';

export const metadata: Metadata = { title: 'Calibration exercise' };

export default async function ExercisePage({ params }: { params: Promise<{ sampleId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, TRAINEE_PERMISSION)) return <AccessDenied what="training" />;
  const { sampleId } = await params;
  // Its author knows the reference, so a sample is never an exercise for them (ForbiddenError).
  const exercise = await orNotFound(getExercise(ctx, { sampleId })).catch((error: unknown) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!exercise) {
    return (
      <>
        <BackLink href="/training">Training</BackLink>
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-6 py-8 text-sm text-amber-900">
          You wrote this sample answer and know its reference rating, so it is not an exercise for you.
        </p>
      </>
    );
  }
  const { question, result } = exercise;
  return (
    <>
      <BackLink href="/training">Training</BackLink>
      <PageHeader
        title={question.title}
        description={result ? 'You rated this sample. Compare your rating with the reference and your peers.' : 'Read the sample answer and rate it on the question’s anchors, as you would in an interview.'}
      />
      {exercise.archived ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This sample has been archived: it no longer counts in anyone’s figures.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Question</h2>
            <Markdown className="mt-2">{question.prompt}</Markdown>
          </Card>
          <Card className="p-5">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Sample answer</h2>
            <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{exercise.answer}</p>
          </Card>
        </div>
        <Card className="p-5">
          {result ? <Result result={result} anchors={question.anchors} /> : <RateForm sampleId={exercise.sampleId} anchors={inlineMarkdownLines(question.anchors)} />}
        </Card>
      </div>
    </>
  );
}

function Result({ result, anchors }: { result: ExerciseResult; anchors: readonly string[] }) {
  const gap = Math.abs(result.myRating - result.referenceRating);
  const verdict = gap === 0 ? 'Exact match with the reference.' : gap === 1 ? 'One point from the reference.' : `${gap} points from the reference.`;
  const most = Math.max(1, ...result.peerCounts);
  return (
    <section aria-labelledby="result-heading" className="space-y-4">
      <h2 id="result-heading" className="text-lg font-semibold text-slate-900">
        Your result
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Your rating</dt>
          <dd className="mt-1 font-semibold text-slate-900">{RUBRIC_LABELS[result.myRating - 1]}</dd>
          <dd className="text-xs text-slate-600">
            <LocalTime iso={result.ratedAt} />
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Reference rating</dt>
          <dd className="mt-1 font-semibold text-slate-900">{RUBRIC_LABELS[result.referenceRating - 1]}</dd>
          <dd className="text-xs text-slate-600">
            <InlineMarkdown>{anchors[result.referenceRating - 1] ?? ''}</InlineMarkdown>
          </dd>
        </div>
      </dl>
      <p className="text-sm font-medium">
        <Badge tone={gap === 0 ? 'green' : gap === 1 ? 'amber' : 'red'}>{verdict}</Badge>
      </p>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Why the reference is {RUBRIC_LABELS[result.referenceRating - 1]}</h3>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{result.referenceRationale}</p>
      </div>
      {result.note ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Your note</h3>
          <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{result.note}</p>
        </div>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Your peers’ ratings</h3>
        {result.peers === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Nobody else has rated this sample yet.</p>
        ) : (
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">How {result.peers} other trainees rated this sample</caption>
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Rating</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Trainees</th>
                <th scope="col" className="w-1/2 py-1 font-medium">
                  <span className="sr-only">Share</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.peerCounts.map((n, i) => (
                <tr key={RUBRIC_LABELS[i]}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {RUBRIC_LABELS[i]}
                    {i + 1 === result.referenceRating ? ' (reference)' : ''}
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">{n}</td>
                  <td className="py-1">
                    <div aria-hidden className="h-2 rounded bg-brand-600" style={{ width: `${(n / most) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
