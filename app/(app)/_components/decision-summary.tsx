// The decision in force on an application and the ones it superseded, as the debrief, the
// candidate page and the decision packet show it.
import { LocalTime } from '@/app/_components/local-time';
import { Badge } from '@/app/_components/ui';
import type { DecisionRecord } from '@/lib/decisions/queries';
import { DECISION_OUTCOME_LABELS, type DecisionOutcome } from '@/lib/decisions/schemas';

const TONE: Record<DecisionOutcome, 'green' | 'red' | 'amber' | 'brand'> = { hire: 'green', reject: 'red', hold: 'amber', advance: 'brand' };

export function DecisionBadge({ outcome }: { outcome: DecisionOutcome }) {
  return <Badge tone={TONE[outcome]}>{DECISION_OUTCOME_LABELS[outcome]}</Badge>;
}

function Rationale({ text }: { text: string }) {
  return text ? <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{text}</p> : <p className="mt-1 text-sm text-slate-600">Rationale erased with the candidate’s personal data.</p>;
}

export function DecisionSummary({ decisions, showRationale = true }: { decisions: DecisionRecord[]; showRationale?: boolean }) {
  const [latest, ...earlier] = decisions;
  if (!latest) return <p className="text-sm text-slate-600">No decision recorded yet.</p>;
  return (
    <div className="space-y-2">
      <div>
        <p className="text-sm">
          <DecisionBadge outcome={latest.outcome} /> <span className="text-slate-700">by {latest.decidedBy ?? 'a former member'}, </span>
          <LocalTime iso={latest.decidedAt} />
        </p>
        {showRationale ? <Rationale text={latest.rationale} /> : null}
      </div>
      {earlier.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">
            {earlier.length === 1 ? '1 earlier decision' : `${earlier.length} earlier decisions`} (superseded)
          </summary>
          <ol className="mt-2 space-y-2 border-l border-slate-200 pl-3">
            {earlier.map((d) => (
              <li key={d.id}>
                <DecisionBadge outcome={d.outcome} /> <span className="text-slate-700">by {d.decidedBy ?? 'a former member'}, </span>
                <LocalTime iso={d.decidedAt} />
                {showRationale ? <Rationale text={d.rationale} /> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
