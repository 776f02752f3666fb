'use client';
// "Equal-opportunity survey" on the candidate page: send or re-send the voluntary
// self-identification link and copy it. It shows whether the link is open, answered or expired —
// never an answer.
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form';
import { LocalTime } from '@/app/_components/local-time';
import { buttonClass } from '@/app/_components/ui';
import type { SelfIdLinkStatus } from '@/lib/fairness/self-identification';
import type { ActionState } from '@/lib/http';
import { sendSelfIdentificationLinkAction } from '../self-identification-actions';

const idle: ActionState<{ url: string }> = { status: 'idle' };

const STATE_TEXT: Record<Exclude<SelfIdLinkStatus['state'], 'none'>, string> = {
  open: 'Link sent; not answered yet. It expires',
  answered: 'The candidate responded. The link was sent',
  expired: 'The last link expired unanswered on',
  replaced: 'The last link was replaced. It was sent',
};

export function SelfIdentificationCard({ candidateId, status }: { candidateId: string; status: SelfIdLinkStatus }) {
  const [state, action] = useActionState(sendSelfIdentificationLinkAction, idle);
  const [copied, setCopied] = useState(false);
  const url = state.status === 'success' ? state.data?.url : undefined;
  return (
    <section aria-labelledby="self-id-heading" className="space-y-3">
      <h2 id="self-id-heading" className="font-semibold">
        Equal-opportunity survey
      </h2>
      <p className="text-sm text-slate-700">
        A voluntary, confidential form (gender, race/ethnicity, veteran status, disability). Answers are never shown here or to interviewers; they
        count only in group totals on the adverse-impact report.
      </p>
      {status.state === 'none' ? (
        <p className="text-sm text-slate-600">No link sent yet.</p>
      ) : (
        <p className="text-sm text-slate-600">
          {STATE_TEXT[status.state]} <LocalTime iso={status.state === 'open' || status.state === 'expired' ? status.expiresAt : status.sentAt} />.
        </p>
      )}
      <form action={action} className="space-y-3">
        <FormMessage state={state} />
        <input type="hidden" name="candidateId" value={candidateId} />
        <SubmitButton variant="secondary" pendingText="Sending…">
          {status.state === 'none' ? 'Send survey link' : 'Send a new survey link'}
        </SubmitButton>
      </form>
      {url ? (
        <div className="space-y-2">
          <label htmlFor="self-id-url" className="block text-sm font-medium">
            Survey link (works once, for 14 days)
          </label>
          <input id="self-id-url" readOnly value={url} className="w-full rounded-md border border-slate-300 px-2 py-1 text-xs" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => {
              void navigator.clipboard.writeText(url).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
