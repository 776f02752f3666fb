// The printable decision packet: one candidate for one opening, laid out as a document. On paper
// (or "Save as PDF") the navigation and buttons disappear, text is black on white and no scorecard
// is split across pages.
import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '@/app/_components/print-button';
import { AccessDenied, BackLink, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { type DecisionPacket, getDecisionPacket, listPacketOpenings } from '@/lib/dashboard/decision-packet';
import { LEVEL_LABELS } from '@/lib/questions/schemas';
import { hiddenFeedbackReason } from '@/lib/scorecards/visibility';
import { DecisionSummary } from '../../../_components/decision-summary';
import { HiddenFeedbackNotice } from '../../../_components/hidden-feedback';
import { DisagreementList, ScorecardCard, SkillsTable } from '../../../_components/evidence';
import { orNotFound, requirePageContext } from '../../../page-context';

export const metadata: Metadata = { title: 'Decision packet' };

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const fixed = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const percent = (x: number) => `${Math.round(x * 100)}%`;

export default async function DecisionPacketPage({ params, searchParams }: { params: Promise<{ candidateId: string }>; searchParams: Promise<{ opening?: string | string[] }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'dashboard:read')) return <AccessDenied what="decision packets" />;
  const { candidateId } = await params;
  const { opening } = await searchParams;
  const choices = await orNotFound(listPacketOpenings(ctx, { candidateId }));
  const openingId = typeof opening === 'string' && opening ? opening : choices.applications.length === 1 ? choices.applications[0]!.openingId : undefined;
  if (!openingId) {
    return (
      <>
        <BackLink href={`/candidates/${candidateId}`}>{choices.candidate.name}</BackLink>
        <PageHeader title={`Decision packet: ${choices.candidate.name}`} description="A packet covers one application. Choose the opening." />
        {choices.applications.length === 0 ? (
          <EmptyState title="No applications yet">The candidate has not applied to an opening, so there is nothing to decide on.</EmptyState>
        ) : (
          <nav aria-label="Openings">
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {choices.applications.map((a) => (
                <li key={a.applicationId} className="px-4 py-3">
                  <Link href={`/candidates/${candidateId}/packet?opening=${a.openingId}`} className="font-medium text-brand-700 hover:underline">
                    {a.title}
                  </Link>
                  <span className="ml-2 text-sm text-slate-600">
                    {LEVEL_LABELS[a.level]} · {a.stage}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </>
    );
  }
  const packet = await orNotFound(getDecisionPacket(ctx, { candidateId, openingId }));
  const { candidate, evidence } = packet;
  const hiddenReason = evidence ? null : await hiddenFeedbackReason(ctx, candidate.id);
  return (
    <article className="print-document mx-auto max-w-4xl print:max-w-none">
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`/candidates/${candidate.id}`} className="text-brand-700 hover:underline">
            ← {candidate.name}
          </Link>
          <Link href={`/dashboard/${packet.opening.id}`} className="text-brand-700 hover:underline">
            Comparison grid
          </Link>
        </p>
        <PrintButton />
      </div>
      <PacketHeader packet={packet} />
      <section aria-labelledby="packet-decision" className="mt-6 break-inside-avoid">
        <h2 id="packet-decision" className="text-lg font-semibold">
          Decision
        </h2>
        <div className="mt-1">
          <DecisionSummary decisions={packet.decisions} />
        </div>
        <p className="no-print mt-1 text-sm">
          <Link href={`/applications/${packet.applicationId}/debrief`} className="text-brand-700 hover:underline">
            Open the debrief{packet.decisions.length ? '' : ' to record the decision'}
          </Link>
        </p>
      </section>
      {!evidence ? (
        <div className="mt-6">
          {hiddenReason ? <HiddenFeedbackNotice reason={hiddenReason} candidateName={candidate.name} /> : null}
          <p className="mt-2 text-sm text-slate-700">So this packet shows no scores yet.</p>
        </div>
      ) : (
        <>
          <Summary packet={packet} evidence={evidence} />
          <Skills evidence={evidence} />
          <Disagreements evidence={evidence} />
          <Scorecards evidence={evidence} />
        </>
      )}
    </article>
  );
}

type Evidence = NonNullable<DecisionPacket['evidence']>;

function PacketHeader({ packet }: { packet: DecisionPacket }) {
  const { candidate, opening } = packet;
  const facts: [string, string][] = [
    candidate.email === null ? ['Blind review', 'The candidate is shown by code until a hire or reject decision is recorded.'] : ['Email', candidate.email],
    ['Opening', `${opening.title} · ${LEVEL_LABELS[opening.level]}${opening.status === 'open' ? '' : ` · ${opening.status.replace('_', ' ')}`}`],
    ['Hiring manager', opening.hiringManager ?? 'Not set'],
    ['Application', `${candidate.stage}${candidate.currentStage ? ` · ${candidate.currentStage}` : ''}`],
    ['Generated', `${dateTime.format(new Date(packet.generatedAt))} by ${packet.generatedBy}`],
  ];
  return (
    <header className="border-b border-slate-300 pb-4">
      <p className="text-sm uppercase tracking-wide text-slate-600">Decision packet</p>
      <h1 className="text-2xl font-semibold text-slate-900">{candidate.name}</h1>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

function Summary({ packet, evidence }: { packet: DecisionPacket; evidence: Evidence }) {
  const r = evidence.recommendations;
  return (
    <section aria-labelledby="packet-summary" className="mt-6 break-inside-avoid">
      <h2 id="packet-summary" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-md border border-slate-300 p-3">
          <dt className="font-medium text-slate-700">Composite</dt>
          <dd>
            <span className="text-2xl font-semibold tabular-nums">{fixed(evidence.composite)}</span>
            <span className="text-slate-700"> of 4{evidence.composite === null ? ' (no evidence yet)' : ''}</span>
            <span className={`block ${evidence.coverage < 0.7 ? 'font-medium text-red-700' : 'text-slate-700'}`}>
              Coverage {percent(evidence.coverage)} of the opening’s skill weight
              {evidence.coverage < 0.7 ? ' — low: read the composite with care' : ''}
            </span>
          </dd>
        </div>
        <div className="rounded-md border border-slate-300 p-3">
          <dt className="font-medium text-slate-700">Recommendations ({evidence.scorecards.filter((c) => c.counted).length} counted scorecards)</dt>
          <dd className="tabular-nums">
            Strong yes {r.strong_yes} · Yes {r.yes} · No {r.no} · Strong no {r.strong_no}
          </dd>
        </div>
        <div className="rounded-md border border-slate-300 p-3">
          <dt className="font-medium text-slate-700">Strongest</dt>
          <dd>{evidence.strongest.join(', ') || '—'}</dd>
        </div>
        <div className="rounded-md border border-slate-300 p-3">
          <dt className="font-medium text-slate-700">Weakest</dt>
          <dd>{evidence.weakest.join(', ') || '—'}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        Only submitted scorecards for {packet.candidate.name}’s application to {packet.opening.title} count. The composite is the weighted mean of skill means over the skills with evidence.
      </p>
    </section>
  );
}

function Skills({ evidence }: { evidence: Evidence }) {
  return (
    <section aria-labelledby="packet-skills" className="mt-8">
      <h2 id="packet-skills" className="text-lg font-semibold">
        Skills
      </h2>
      <SkillsTable evidence={evidence} />
    </section>
  );
}

function Disagreements({ evidence }: { evidence: Evidence }) {
  return (
    <section aria-labelledby="packet-disagreements" className="mt-8 break-inside-avoid">
      <h2 id="packet-disagreements" className="text-lg font-semibold">
        Disagreements
      </h2>
      <DisagreementList evidence={evidence} />
    </section>
  );
}

function Scorecards({ evidence }: { evidence: Evidence }) {
  return (
    <section aria-labelledby="packet-scorecards" className="mt-8">
      <h2 id="packet-scorecards" className="text-lg font-semibold">
        Scorecards
      </h2>
      {evidence.scorecards.length === 0 ? <p className="mt-1 text-sm text-slate-700">No submitted scorecards yet.</p> : null}
      <div className="mt-4 space-y-4">
        {evidence.scorecards.map((s) => (
          <ScorecardCard key={s.id} card={s} />
        ))}
      </div>
    </section>
  );
}
