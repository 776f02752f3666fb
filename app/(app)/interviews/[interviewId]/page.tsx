import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { inlineMarkdownLines, Markdown } from '@/app/_components/markdown';
import { AccessDenied, Badge, PageHeader } from '@/app/_components/ui';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { InterviewCancelledError } from '@/lib/scorecards/mutations';
import { getInterviewProgress } from '@/lib/interviews/queries';
import { INTERVIEW_STATE_LABELS, INTERVIEW_STATE_TONES } from '@/lib/interviews/status';
import { getInterviewScorecard } from '@/lib/scorecards/queries';
import { requirePageContext } from '../../page-context';
import { LiveScorecard } from './live-scorecard';

export const metadata: Metadata = { title: 'Live scorecard' };

export default async function LiveScorecardPage({ params }: { params: Promise<{ interviewId: string }> }) {
  const { ctx } = await requirePageContext();
  const { interviewId } = await params;
  let opened;
  try {
    // A read: the draft is created by the page's first write, never by viewing it.
    opened = await getInterviewScorecard(ctx, { interviewId });
  } catch (error) {
    if (error instanceof ForbiddenError) return <AccessDenied what="this scorecard (only the interview’s panel fills it in)" />;
    if (error instanceof InterviewCancelledError) {
      return (
        <>
          <PageHeader title="Interview cancelled" description="This interview was cancelled, so there is no scorecard to fill in." />
          <Link href="/interviews" className="text-sm text-brand-700 hover:underline">
            ← My interviews
          </Link>
        </>
      );
    }
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound();
    throw error;
  }
  const { scorecard, interview, kit } = opened;
  const progress = await getInterviewProgress(ctx, interviewId);
  const items = kit.sections.flatMap((s) => s.items);
  // Kit Markdown (the prompt, the guidance lines, the rubric anchors) is rendered here, on the
  // server: the Markdown parser never ships to the browser.
  const content = Object.fromEntries(
    items.map((item) => [
      item.id,
      {
        prompt: <Markdown className="mt-2">{item.prompt}</Markdown>,
        listenFor: inlineMarkdownLines(item.listenFor),
        redFlags: inlineMarkdownLines(item.redFlags),
        followUps: inlineMarkdownLines(item.followUps),
        rubric: inlineMarkdownLines(item.rubric),
      },
    ]),
  );
  return (
    <>
      <h1 className="sr-only">
        Scorecard: {interview.candidateName}, {kit.name}
      </h1>
      {/* The interview's own state (not this card's): it is complete once every panelist's card is in. */}
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>Interview status:</span>
        <Badge tone={INTERVIEW_STATE_TONES[progress.state]}>{INTERVIEW_STATE_LABELS[progress.state]}</Badge>
        <span>
          {progress.submittedCount} of {progress.panelSize} {progress.panelSize === 1 ? 'scorecard' : 'scorecards'} submitted
        </span>
      </p>
      <LiveScorecard
        scorecard={{
          id: scorecard.id,
          revision: scorecard.revision,
          status: scorecard.status,
          submittedAt: scorecard.submittedAt,
          notes: scorecard.notes,
          questionRatings: scorecard.questionRatings,
          ratings: scorecard.ratings,
          recommendation: scorecard.recommendation,
          summary: scorecard.summary,
        }}
        interview={{
          id: interview.id,
          applicationId: interview.applicationId,
          candidateName: interview.candidateName,
          blind: interview.blind,
          openingTitle: interview.openingTitle,
          stageName: interview.stageName,
          scheduledAt: interview.scheduledAt,
          started: interview.started,
          startedAt: interview.startedAt,
        }}
        kit={{ name: kit.name, version: kit.version, targetMinutes: kit.targetMinutes, items, skills: kit.skills }}
        content={content}
      />
    </>
  );
}
