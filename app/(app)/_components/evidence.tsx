// The evidence on one application as the decision packet and the debrief both show it: the
// per-skill table, the disagreements and one submitted scorecard. Server components, print-safe.
import { LocalTime } from '@/app/_components/local-time';
import type { PacketEvidence, PacketScorecard } from '@/lib/dashboard/decision-packet';
import { PANEL_ROLE_LABELS } from '@/lib/interviews/schemas';
import { RATING_LABELS, RECOMMENDATION_LABELS } from '@/lib/scorecards/schemas';

const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const fixed = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

export function SkillsTable({ evidence }: { evidence: PacketEvidence }) {
  return (
    <>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Per-skill scores from submitted ratings: weight, mean, nearest anchor, raters, range, standard deviation</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-3 font-medium">Skill</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Weight</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Mean</th>
              <th scope="col" className="py-1 pr-3 font-medium">Nearest anchor</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Raters (n)</th>
              <th scope="col" className="py-1 pr-3 font-medium">Range</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">SD</th>
            </tr>
          </thead>
          <tbody>
            {evidence.skills.map((s) => (
              <tr key={s.skillId} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {s.name}
                  {s.disagreement ? <span className="ml-2 rounded border border-red-700 px-1 text-xs font-medium text-red-800">split</span> : null}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{s.weight ?? 'not weighted'}</td>
                {s.mean === null ? (
                  <td colSpan={5} className="py-1 pr-3 text-slate-600">
                    no evidence
                  </td>
                ) : (
                  <>
                    <td className="py-1 pr-3 text-right font-semibold tabular-nums">{fixed(s.mean)}</td>
                    <td className="py-1 pr-3">{s.anchor}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{s.n}</td>
                    <td className="py-1 pr-3 tabular-nums">{s.min === s.max ? s.min : `${s.min}–${s.max}`}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{fixed(s.sd)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-600">“split”: raters 2 or more points apart. Skills that are not weighted do not enter the composite.</p>
    </>
  );
}

/** Skills whose raters are 2 or more points apart, and a yes/no split on the recommendation. */
export function DisagreementList({ evidence }: { evidence: PacketEvidence }) {
  const r = evidence.recommendations;
  if (evidence.disagreements.length === 0 && !evidence.recommendationsSplit) {
    return <p className="mt-1 text-sm text-slate-700">No skill has raters 2 or more points apart, and the recommendations are not split between yes and no.</p>;
  }
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
      {evidence.recommendationsSplit ? (
        <li>
          <span className="font-medium">Recommendations split</span>: strong yes {r.strong_yes} · yes {r.yes} · no {r.no} · strong no {r.strong_no}
        </li>
      ) : null}
      {evidence.disagreements.map((d) => {
        const repeated = new Set(d.ratings.map((x) => x.interviewerName)).size < d.ratings.length;
        return (
          <li key={d.skillId}>
            Spread of {d.spread} on <span className="font-medium">{d.name}</span>:{' '}
            {d.ratings.map((x) => `${x.interviewerName}${repeated && x.stageName ? ` (${x.stageName})` : ''} ${x.rating} (${RATING_LABELS[x.rating as 1 | 2 | 3 | 4]})`).join(', ')}
          </li>
        );
      })}
    </ul>
  );
}

/** A shadow's card is shown for the record and for their training, never in the figures above it. */
export function NotCountedBadge({ role }: { role: PacketScorecard['panelRole'] }) {
  return (
    <span className="mt-1 inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
      {role ? PANEL_ROLE_LABELS[role] : 'Shadow'} — not counted
    </span>
  );
}

export function ScorecardCard({ card, showStage = true }: { card: PacketScorecard; showStage?: boolean }) {
  return (
    <div className="break-inside-avoid rounded-md border border-slate-300 bg-white p-4">
      <h3 className="font-semibold">
        {card.interviewerName}
        {card.mine ? ' (you)' : ''} — {card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : 'No recommendation'}
      </h3>
      {!card.counted ? <NotCountedBadge role={card.panelRole} /> : null}
      <p className="text-xs text-slate-600">
        {showStage ? `${card.stageName ?? 'Interview'} · interviewed ${dateOnly.format(new Date(card.interviewAt))}` : null}
        {card.submittedAt ? (
          <>
            {showStage ? ' · ' : ''}submitted <LocalTime iso={card.submittedAt} />
          </>
        ) : null}
      </p>
      <p className="mt-2 whitespace-pre-line text-sm">{card.summary || <span className="text-slate-600">No summary.</span>}</p>
      {card.ratings.length ? (
        <table className="mt-3 text-sm">
          <caption className="text-left text-sm font-medium">Ratings by {card.interviewerName}</caption>
          <tbody>
            {card.ratings.map((r) => (
              <tr key={r.skillId} className="border-t border-slate-200">
                <th scope="row" className="py-0.5 pr-4 text-left font-normal">
                  {r.name}
                </th>
                <td className="py-0.5 tabular-nums">{r.rating === 'no_evidence' ? 'no evidence' : `${r.rating} — ${RATING_LABELS[r.rating]}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {card.notes.length ? (
        <>
          <h4 className="mt-3 text-sm font-medium">Notes per question</h4>
          <dl className="mt-1 space-y-2 text-sm">
            {card.notes.map((n) => (
              <div key={n.kitItemId}>
                <dt className="font-medium text-slate-800">
                  {n.question}
                  {n.rating ? <span className="font-normal text-slate-600"> · rated {n.rating} ({RATING_LABELS[n.rating]})</span> : null}
                </dt>
                <dd className="whitespace-pre-line text-slate-800">{n.body || '—'}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}
