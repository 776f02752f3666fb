// Home page: applications whose feedback is all in and that wait for a decision, for the members
// who may record one (lib/decisions/queries.ts decides which).
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { Card } from '@/app/_components/ui';
import type { AwaitingDecision } from '@/lib/decisions/queries';

export function ReadyForDecision({ applications }: { applications: AwaitingDecision[] }) {
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Ready for a decision</h2>
      {applications.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No candidate is waiting for a decision.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {applications.slice(0, 10).map((a) => (
            <li key={a.applicationId} className="py-2 text-sm">
              <Link href={`/applications/${a.applicationId}/debrief`} className="font-medium text-brand-700 hover:underline">
                {a.candidateName}
              </Link>{' '}
              · {a.openingTitle}
              {a.currentStage ? ` · ${a.currentStage}` : ''}
              <span className="block text-slate-600">
                {a.submittedScorecards === 1 ? '1 scorecard' : `${a.submittedScorecards} scorecards`}, the last <LocalTime iso={a.lastFeedbackAt.toISOString()} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {applications.length > 10 ? <p className="mt-2 text-sm text-slate-600">and {applications.length - 10} more.</p> : null}
    </Card>
  );
}
