// What calibration and question analytics show a lead whom the organization holds to independent
// scoring while they still owe scorecards (lib/scorecards/visibility.ts).
import Link from 'next/link';
import { OwedScorecardsError } from '@/lib/scorecards/visibility';

export function OwedScorecardsNotice({ page, error }: { page: string; error: OwedScorecardsError }) {
  return (
    <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-6 py-8">
      <h1 className="text-lg font-semibold text-amber-900">Submit your owed scorecards first</h1>
      <p className="mt-1 max-w-3xl text-sm text-amber-900">
        {page} includes other interviewers’ ratings. This organization holds leads to independent scoring, and you still owe{' '}
        {error.owed === 1 ? 'a scorecard' : `${error.owed} scorecards`} for interviews that have started.
      </p>
      <Link href="/interviews" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
        My interviews →
      </Link>
    </div>
  );
}

/** Runs an aggregate read; a held-back lead gets the error to render instead of the figures. */
export async function unlessOwed<T>(load: Promise<T>): Promise<T | OwedScorecardsError> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof OwedScorecardsError) return error;
    throw error;
  }
}
