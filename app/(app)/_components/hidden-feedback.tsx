// "Why can't I read the panel's feedback, and what unlocks it": the one wording every page that
// hides feedback uses, from the reason lib/scorecards/visibility.ts gives.
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { PERMISSIONS } from '@/lib/auth/permissions';
import type { HiddenFeedbackReason, PanelInterview } from '@/lib/scorecards/visibility';

const ALL_FEEDBACK = PERMISSIONS['scorecard:read_all'];

function InterviewList({ interviews, linkToScorecard }: { interviews: PanelInterview[]; linkToScorecard: boolean }) {
  return (
    <ul className="mt-1 list-disc pl-5">
      {interviews.map((i) => (
        <li key={i.interviewId}>
          {linkToScorecard ? (
            <Link href={`/interviews/${i.interviewId}`} className="font-medium text-amber-950 underline">
              {i.stageName ?? 'Interview'} on <LocalTime iso={i.scheduledAt.toISOString()} />
            </Link>
          ) : (
            <>
              {i.stageName ?? 'Interview'} on <LocalTime iso={i.scheduledAt.toISOString()} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function HiddenFeedbackNotice({ reason, candidateName }: { reason: HiddenFeedbackReason; candidateName: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">The panel’s feedback on {candidateName} is hidden from you.</p>
      {reason.kind === 'owed' ? (
        <>
          <p className="mt-1">
            You’re on the panel for {reason.interviews.length === 1 ? 'this interview' : 'these interviews'}, which {reason.interviews.length === 1 ? 'has' : 'have'} started, and
            haven’t submitted your scorecard yet — submit it to read the others’ (independent scoring: your ratings first, theirs after):
          </p>
          <InterviewList interviews={reason.interviews} linkToScorecard />
        </>
      ) : reason.kind === 'not_started' ? (
        <>
          <p className="mt-1">
            You’re on the panel for {reason.interviews.length === 1 ? 'this interview' : 'these interviews'}, still ahead. You’ll read the others’ feedback once you have
            interviewed {candidateName} and submitted your scorecard, so that it cannot sway your ratings:
          </p>
          <InterviewList interviews={reason.interviews} linkToScorecard />
        </>
      ) : (
        <p className="mt-1">
          Only panelists who have submitted their scorecards and members with “{ALL_FEEDBACK}” who are not on the candidate’s panel can read it. Ask an admin if
          your role should include it.
        </p>
      )}
    </div>
  );
}
