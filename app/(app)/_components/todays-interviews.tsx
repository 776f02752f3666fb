'use client';
// "Today's interviews" across the organization. Whose today? The viewer's: the server sends the
// interviews of a day and a half either side of now, and the browser keeps those on its own
// calendar day and shows their times in its zone (the server's render shows UTC until hydration).
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { Badge } from '@/app/_components/ui';

export interface TodayItem {
  id: string;
  at: string;
  endsAt: string;
  candidateId: string;
  candidate: string;
  opening: string;
  stage: string | null;
  panel: string;
  state: string;
  tone: 'slate' | 'brand' | 'green' | 'amber' | 'red';
}

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function TodaysInterviews({ items, now }: { items: TodayItem[]; now: string }) {
  const timeZone = useSyncExternalStore(subscribe, browserZone, () => 'UTC');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  const today = day.format(new Date(now));
  const todays = items.filter((i) => day.format(new Date(i.at)) === today);
  return (
    <>
      {todays.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No interviews today.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {todays.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm">
              <span className="min-w-0">
                <time dateTime={i.at}>{time.format(new Date(i.at))}</time>–<time dateTime={i.endsAt}>{time.format(new Date(i.endsAt))}</time>{' '}
                <Link href={`/candidates/${i.candidateId}`} className="font-medium text-brand-700 hover:underline">
                  {i.candidate}
                </Link>{' '}
                · {i.opening}
                {i.stage ? ` · ${i.stage}` : ''}
                <span className="block text-slate-600">{i.panel}</span>
              </span>
              <Badge tone={i.tone}>{i.state}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-600">Times in {timeZone.replace(/_/g, ' ')}.</p>
    </>
  );
}
