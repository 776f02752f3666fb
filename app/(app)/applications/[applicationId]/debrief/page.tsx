// The debrief: the panel's submitted feedback on one application side by side, disagreements
// first, the composite with its coverage, who still owes a card, and the hiring manager's
// decision. Printable like the decision packet; readable by the application's panelists once the
// independent-scoring rule lets them (lib/dashboard/debrief.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { PrintButton } from '@/app/_components/print-button';
import { Badge, Card } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { PANEL_ROLE_LABELS } from '@/lib/interviews/schemas';
import { type Debrief, getDebrief } from '@/lib/dashboard/debrief';
import type { PacketEvidence, PacketScorecard } from '@/lib/dashboard/decision-packet';
import { DecisionSummary } from '../../../_components/decision-summary';
import { DisagreementList, ScorecardCard, SkillsTable } from '../../../_components/evidence';
import { HiddenFeedbackNotice } from '../../../_components/hidden-feedback';
import { orNotFound, requirePageContext } from '../../../page-context';
import { ForbiddenError } from '@/lib/errors';
import { type ApplicationOutcomes, type CheckpointView, getApplicationOutcomes } from '@/lib/outcomes/queries';
import { CHECKPOINT_LABELS, type CheckpointStatus } from '@/lib/outcomes/schemas';
import { DecisionForm } from './decision-form';
import { OutcomeForm } from './outcome-form';

export const metadata: Metadata = { title: 'Debrief' };

const percent = (x: number) => `${Math.round(x * 100)}%`;

export default async function DebriefPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { ctx } = await requirePageContext();
  const { applicationId } = await params;
  const debrief = await orNotFound(getDebrief(ctx, { applicationId }));
  const { candidate, opening, application, evidence } = debrief;
  // Individual performance ratings: only for a hire, and only to those who may record them.
  const outcomes =
    application.stage === 'hired'
      ? await getApplicationOutcomes(ctx, { applicationId: application.id }).catch((error: unknown) => {
          if (error instanceof ForbiddenError) return null;
          throw error;
        })
      : null;
  return (
    <article className="print-document mx-auto max-w-6xl print:max-w-none">
      <div className="no-print mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          {debrief.mayReadCandidate ? (
            <Link href={`/candidates/${candidate.id}`} className="text-brand-700 hover:underline">
              ← {candidate.name}
            </Link>
          ) : (
            <Link href="/interviews" className="text-brand-700 hover:underline">
              ← My interviews
            </Link>
          )}
          {can(ctx, 'dashboard:read') ? (
            <>
              <Link href={`/dashboard/${opening.id}`} className="text-brand-700 hover:underline">
                Comparison grid
              </Link>
              <Link href={`/candidates/${candidate.id}/packet?opening=${opening.id}`} className="text-brand-700 hover:underline">
                Decision packet
              </Link>
            </>
          ) : null}
        </p>
        <PrintButton />
      </div>
      <header className="mb-6 border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">Debrief</p>
        <h1 className="text-2xl font-semibold text-slate-900">
          {candidate.name} · {opening.title}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          Application {application.stage}
          {application.currentStage ? ` · ${application.currentStage}` : ''} · Hiring manager: {opening.hiringManager ?? 'not set'}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          {debrief.hiddenReason ? <HiddenFeedbackNotice reason={debrief.hiddenReason} candidateName={candidate.name} /> : null}
          {evidence ? <Evidence evidence={evidence} /> : null}
        </div>
        <aside className="space-y-6">
          <Owed debrief={debrief} />
          <Card className="p-4">
            <h2 id="decision" className="font-semibold">
              Decision
            </h2>
            <div className="mt-2">
              <DecisionSummary decisions={debrief.decisions} />
            </div>
            {debrief.mayDecide ? (
              <div className="no-print mt-4 border-t border-slate-200 pt-4">
                <h3 className="mb-2 text-sm font-semibold">{debrief.decisions.length ? 'Record a new decision' : 'Record the decision'}</h3>
                {!evidence ? <p className="mb-2 text-sm text-amber-900">You are deciding without reading the panel’s feedback.</p> : null}
                <DecisionForm applicationId={application.id} latestRevision={debrief.decisions[0]?.revision ?? 0} />
              </div>
            ) : candidate.erased ? (
              <p className="mt-2 text-sm text-slate-600">The candidate’s personal data was erased: no decision can be recorded.</p>
            ) : application.stage === 'withdrawn' ? (
              <p className="mt-2 text-sm text-slate-600">The candidate withdrew: there is nothing to decide.</p>
            ) : null}
          </Card>
          {outcomes ? <PostHireOutcomes outcomes={outcomes} /> : null}
        </aside>
      </div>
    </article>
  );
}

const STATUS_BADGE: Record<CheckpointStatus, { label: string; tone: 'slate' | 'amber' | 'red' | 'green' }> = {
  upcoming: { label: 'upcoming', tone: 'slate' },
  due: { label: 'due', tone: 'amber' },
  overdue: { label: 'overdue', tone: 'red' },
  recorded: { label: 'recorded', tone: 'green' },
};

function PostHireOutcomes({ outcomes }: { outcomes: ApplicationOutcomes }) {
  return (
    <Card className="no-print p-4">
      <h2 id="post-hire-outcomes" className="font-semibold">
        Post-hire outcomes
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        How the hire is doing, on the interviews’ 1–4 scale. Seen only by hiring managers and admins; the validity report shows them only in
        aggregate.
      </p>
      {outcomes.hiredAt ? (
        <p className="mt-1 text-sm text-slate-700">
          Hired <LocalTime iso={outcomes.hiredAt} />.
        </p>
      ) : null}
      <div className="mt-3 space-y-5">
        {outcomes.checkpoints.map((view) => (
          <Checkpoint key={view.checkpoint} view={view} outcomes={outcomes} />
        ))}
      </div>
    </Card>
  );
}

function Checkpoint({ view, outcomes }: { view: CheckpointView; outcomes: ApplicationOutcomes }) {
  const badge = STATUS_BADGE[view.status];
  const label = CHECKPOINT_LABELS[view.checkpoint];
  return (
    <section aria-labelledby={`checkpoint-${view.checkpoint}`} className="border-t border-slate-200 pt-3">
      <h3 id={`checkpoint-${view.checkpoint}`} className="flex flex-wrap items-center gap-2 text-sm font-semibold">
        {label} <Badge tone={badge.tone}>{badge.label}</Badge>
      </h3>
      <p className="mb-2 text-sm text-slate-700">
        Due <LocalTime iso={view.dueAt} />
        {view.outcome ? (
          <>
            {' '}
            · last saved by {view.outcome.recordedBy ?? 'a former member'}, <LocalTime iso={view.outcome.recordedAt} />
          </>
        ) : null}
      </p>
      <OutcomeForm applicationId={outcomes.applicationId} view={view} skills={outcomes.skills} />
    </section>
  );
}

function Evidence({ evidence }: { evidence: PacketEvidence }) {
  const r = evidence.recommendations;
  return (
    <>
      <section aria-labelledby="debrief-disagreements" className="break-inside-avoid">
        <h2 id="debrief-disagreements" className="text-lg font-semibold">
          Disagreements
        </h2>
        <DisagreementList evidence={evidence} />
      </section>
      <section aria-labelledby="debrief-composite" className="break-inside-avoid">
        <h2 id="debrief-composite" className="text-lg font-semibold">
          Composite
        </h2>
        <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2">
          <div className="rounded-md border border-slate-300 bg-white p-3">
            <dt className="font-medium text-slate-700">Weighted composite</dt>
            <dd>
              <span className="text-2xl font-semibold tabular-nums">{evidence.composite === null ? '—' : evidence.composite.toFixed(2)}</span>
              <span className="text-slate-700"> of 4{evidence.composite === null ? ' (no evidence yet)' : ''}</span>
              <span className={`block ${evidence.coverage < 0.7 ? 'font-medium text-red-700' : 'text-slate-700'}`}>
                Coverage {percent(evidence.coverage)} of the opening’s skill weight{evidence.coverage < 0.7 ? ' — low: read the composite with care' : ''}
              </span>
            </dd>
          </div>
          <div className="rounded-md border border-slate-300 bg-white p-3">
            <dt className="font-medium text-slate-700">Recommendations ({evidence.scorecards.filter((c) => c.counted).length} counted)</dt>
            <dd className="tabular-nums">
              Strong yes {r.strong_yes} · Yes {r.yes} · No {r.no} · Strong no {r.strong_no}
            </dd>
          </div>
        </dl>
        <SkillsTable evidence={evidence} />
      </section>
      <section aria-labelledby="debrief-scorecards">
        <h2 id="debrief-scorecards" className="text-lg font-semibold">
          Scorecards
        </h2>
        {evidence.scorecards.length === 0 ? <p className="mt-1 text-sm text-slate-700">No submitted scorecards yet.</p> : null}
        {byInterview(evidence.scorecards).map((group) => (
          <div key={group.interviewId} className="mt-4">
            <h3 className="text-base font-medium text-slate-800">
              {group.stageName ?? 'Interview'} · <LocalTime iso={group.interviewAt} />
            </h3>
            {/* Side by side where the screen allows, one under the other on a phone. */}
            <div className="mt-2 grid gap-4 md:grid-cols-2 xl:grid-cols-3 print:grid-cols-2">
              {group.cards.map((card) => (
                <ScorecardCard key={card.id} card={card} showStage={false} />
              ))}
            </div>
          </div>
        ))}
      </section>
    </>
  );
}

function byInterview(cards: PacketScorecard[]) {
  const groups: { interviewId: string; stageName: string | null; interviewAt: string; cards: PacketScorecard[] }[] = [];
  for (const card of cards) {
    const group = groups.find((g) => g.interviewId === card.interviewId);
    if (group) group.cards.push(card);
    else groups.push({ interviewId: card.interviewId, stageName: card.stageName, interviewAt: card.interviewAt, cards: [card] });
  }
  return groups;
}

function Owed({ debrief }: { debrief: Debrief }) {
  const ahead = debrief.interviews.filter((i) => i.status !== 'cancelled' && !i.started);
  return (
    <Card className="p-4">
      <h2 className="font-semibold">Feedback owed</h2>
      {debrief.interviews.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No interviews scheduled for this application yet.</p>
      ) : debrief.owed.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Every panelist of every interview that has started has submitted.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {debrief.owed.map((o) => (
            <li key={`${o.interviewId}:${o.userId}`}>
              <span className="font-medium">{o.name}</span> owes the {o.stageName ?? 'interview'} card (<LocalTime iso={o.scheduledAt} />){' '}
              <Badge tone="amber">{o.draft ? 'draft' : 'no card yet'}</Badge>
              {!o.counted ? <Badge>{PANEL_ROLE_LABELS[o.role]} — not counted, does not hold up the decision</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {ahead.length ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">Still ahead</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {ahead.map((i) => (
              <li key={i.id}>
                {i.stageName ?? 'Interview'} · <LocalTime iso={i.scheduledAt} /> · {i.panel.map((p) => p.name).join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
