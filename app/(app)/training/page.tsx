// Training: the calibration exercises open to the member (unrated first, "n of m rated") and their
// own agreement with the reference and with their peers. Members who manage training also get
// the link to every member's figures.
import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime, TimeZoneNote } from '@/app/_components/local-time';
import { AccessDenied, Badge, ButtonLink, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { plural } from '@/lib/text';
import { RUBRIC_LABELS } from '@/lib/questions/schemas';
import { getMyAgreement, listExercises, TRAINEE_PERMISSION } from '@/lib/training/queries';
import { requirePageContext } from '../page-context';
import { PeerSummary, ReferenceSummary } from './_components/agreement';

export const metadata: Metadata = { title: 'Training' };

export default async function TrainingPage() {
  const { ctx } = await requirePageContext();
  const manages = can(ctx, 'training:manage');
  if (!can(ctx, TRAINEE_PERMISSION)) {
    return manages ? <ManagerOnly /> : <AccessDenied what="training" />;
  }
  const [list, agreement] = await Promise.all([listExercises(ctx), getMyAgreement(ctx)]);
  return (
    <>
      <PageHeader
        title="Training"
        description="Calibration exercises: rate sample answers on the question’s anchors without seeing anyone else’s rating, then compare yours with the reference and with your peers."
        actions={manages ? <ButtonLink variant="secondary" href="/training/members">Members’ agreement</ButtonLink> : null}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold text-slate-900">Exercises</h2>
            <p className="text-sm text-slate-700" aria-live="polite">
              {list.rated} of {list.total} rated
            </p>
          </div>
          {list.total === 0 ? (
            <div className="mt-4">
              {list.ownSamples > 0 ? (
                <EmptyState title="No exercises for you">
                  You wrote the {plural(list.ownSamples, 'sample')} here, so you know the reference ratings: they are exercises for the other members.{manages ? ' See how they agree under Members’ agreement.' : ''}
                </EmptyState>
              ) : (
                <EmptyState title="No exercises yet">
                  {manages ? 'Add sample answers from a question’s page (Calibration samples) and they appear here for your interviewers.' : 'When a recruiter adds sample answers to questions, they appear here.'}
                </EmptyState>
              )}
            </div>
          ) : (
            <ul className="mt-4 divide-y divide-slate-200" aria-label="Exercises">
              {list.exercises.map((e) => (
                <li key={e.sampleId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <Link href={`/training/${e.sampleId}`} className="font-medium text-brand-700 hover:underline">
                    {e.questionTitle} — sample {e.sampleNumber}
                  </Link>
                  {e.myRating === null ? (
                    <Badge tone="amber">Not rated yet</Badge>
                  ) : (
                    <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                      <Badge tone="green">You rated {RUBRIC_LABELS[e.myRating - 1]}</Badge>
                      {e.ratedAt ? <LocalTime iso={e.ratedAt} /> : null}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {list.rated > 0 ? <TimeZoneNote className="mt-2 text-xs text-slate-600" /> : null}
        </Card>
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="text-lg font-semibold text-slate-900">Your agreement with the reference</h2>
            <p className="mb-3 mt-1 text-xs text-slate-600">Over every sample you rated. Weighted kappa counts a two-point miss four times a one-point miss and corrects for chance.</p>
            <ReferenceSummary agreement={agreement.reference} />
          </Card>
          <Card className="p-5">
            <h2 className="text-lg font-semibold text-slate-900">Your agreement with your peers</h2>
            <p className="mb-3 mt-1 text-xs text-slate-600">Against the median of the other trainees’ ratings of the same samples.</p>
            <PeerSummary agreement={agreement.peers} />
          </Card>
        </div>
      </div>
    </>
  );
}

function ManagerOnly() {
  return (
    <>
      <PageHeader title="Training" />
      <EmptyState title="Exercises are for members who rate candidates" action={<ButtonLink href="/training/members">Members’ agreement</ButtonLink>} />
    </>
  );
}
