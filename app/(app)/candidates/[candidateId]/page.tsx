import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/app/_components/local-time';
import { AccessDenied, BackLink, Badge, Card, PageHeader } from '@/app/_components/ui';
import { candidatePseudonym } from '@/lib/candidates/erasure';
import { getCandidateProfile, getCandidateTimeline, toCandidateDetails } from '@/lib/candidates/queries';
import { can } from '@/lib/context';
import { INTERVIEW_STATE_LABELS, INTERVIEW_STATE_TONES } from '@/lib/interviews/status';
import { listOpenings } from '@/lib/openings/queries';
import { listMembers } from '@/lib/orgs/queries';
import { listCandidateFeedback } from '@/lib/scorecards/queries';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/schemas';
import { listDecisionsForApplications } from '@/lib/decisions/queries';
import { hiddenFeedbackReason } from '@/lib/scorecards/visibility';
import { DecisionSummary } from '../../_components/decision-summary';
import { HiddenFeedbackNotice } from '../../_components/hidden-feedback';
import { NotCountedBadge } from '../../_components/evidence';
import { orNotFound, requirePageContext } from '../../page-context';
import { EraseCandidateForm } from './erase-candidate-form';
import { SelfIdentificationCard } from './self-identification-card';
import { getSelfIdentificationLinkStatus } from '@/lib/fairness/self-identification';
import { ApplyToOpeningForm, EditCandidateForm, InterviewChanges, MoveApplicationForm, ReopenScorecardForm, ScheduleInterviewForm } from '../candidate-forms';

export const metadata: Metadata = { title: 'Candidate' };


export default async function CandidatePage({ params }: { params: Promise<{ candidateId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:read')) return <AccessDenied what="candidates" />;
  const { candidateId } = await params;
  const profile = await orNotFound(getCandidateProfile(ctx, candidateId));
  const [feedback, hiddenReason, decisions, members, openings] = await Promise.all([
    listCandidateFeedback(ctx, { candidateId }),
    hiddenFeedbackReason(ctx, profile.candidate.id),
    listDecisionsForApplications(ctx, profile.applications.map((a) => a.id)),
    can(ctx, 'interview:schedule') ? listMembers(ctx) : Promise.resolve([]),
    can(ctx, 'candidate:write') ? listOpenings(ctx) : Promise.resolve([]),
  ]);
  const timeline = await getCandidateTimeline(ctx, candidateId);
  const { candidate } = profile;
  const selfIdStatus = can(ctx, 'candidate:write') && candidate.erasedAt === null ? await getSelfIdentificationLinkStatus(ctx, candidate.id) : null;
  const panelOptions = members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  // An erased candidate's record is frozen: nothing may write personal data back under the pseudonym.
  const erased = candidate.erasedAt !== null;
  // Blind review keeps the person from this viewer (lib/candidates/blind.ts): nothing to edit or contact.
  const canWrite = can(ctx, 'candidate:write') && !erased && !profile.blind;
  return (
    <>
      <BackLink href="/candidates">Candidates</BackLink>
      <PageHeader
        title={candidate.name}
        description={
          erased ? (
            <>
              Personal data erased on <LocalTime iso={candidate.erasedAt!.toISOString()} />
            </>
          ) : profile.blind ? (
            'Blind review: the candidate is shown by code until a hire or reject decision is recorded.'
          ) : (
            [candidate.email, candidate.phone, candidate.location, candidate.source].filter(Boolean).join(' · ')
          )
        }
        actions={
          can(ctx, 'candidate:export_personal_data') ? (
            <Link href={`/candidates/${candidate.id}/data`} className="text-sm font-medium text-brand-700 hover:underline">
              Personal data export
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          {profile.applications.length === 0 ? <p className="text-sm text-slate-600">No applications yet.</p> : null}
          {profile.applications.map((a) => (
            <Card key={a.id} className="space-y-4 p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={`/openings/${a.opening.id}`} className="text-brand-700 hover:underline">
                    {a.opening.title}
                  </Link>
                </h2>
                <span className="flex items-center gap-3">
                  <Link href={`/applications/${a.id}/debrief`} className="text-sm font-medium text-brand-700 hover:underline">
                    Debrief<span className="sr-only"> for {a.opening.title}</span>
                  </Link>
                  {can(ctx, 'dashboard:read') ? (
                    <Link href={`/candidates/${candidate.id}/packet?opening=${a.opening.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                      Decision packet<span className="sr-only"> for {a.opening.title}</span>
                    </Link>
                  ) : null}
                  <Badge>{a.stage}</Badge>
                </span>
              </div>
              {a.opening.blindReview !== 'off' && !profile.blind ? (
                <p className="text-sm text-slate-700">
                  Blind review: {a.opening.blindReview === 'interviewers' ? 'the panel sees' : 'the panel and the dashboard see'} this candidate as <strong>{a.blindCode}</strong> until a hire or reject decision.
                </p>
              ) : null}
              <div>
                <h3 className="text-sm font-semibold">Decision</h3>
                <div className="mt-1">
                  <DecisionSummary decisions={decisions.filter((d) => d.applicationId === a.id)} />
                </div>
              </div>
              {canWrite ? <MoveApplicationForm applicationId={a.id} stage={a.stage} label={a.opening.title} /> : null}
              <div>
                <h3 className="text-sm font-semibold">Interviews</h3>
                {a.interviews.length === 0 ? (
                  <p className="text-sm text-slate-600">None scheduled.</p>
                ) : (
                  <ul className="mt-1 divide-y divide-slate-100 text-sm">
                    {a.interviews.map((i) => (
                      <li key={i.id} className="py-1.5">
                        <span className={i.status === 'cancelled' ? 'text-slate-500 line-through decoration-slate-400' : undefined}>
                          {i.stageName ?? 'Interview'} · <LocalTime iso={i.scheduledAt.toISOString()} /> · {i.durationMinutes} min · {i.panel.join(', ')}
                        </span>{' '}
                        <Badge tone={INTERVIEW_STATE_TONES[i.state]}>{INTERVIEW_STATE_LABELS[i.state]}</Badge>
                        {i.warnings.map((w) => (
                          <p key={w} className="mt-1 rounded-md bg-amber-50 p-2 text-xs text-amber-900">
                            {w}
                          </p>
                        ))}
                        {can(ctx, 'interview:schedule') ? (
                          <InterviewChanges
                            candidateId={candidate.id}
                            label={`${i.stageName ?? 'interview'} on ${i.scheduledAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`}
                            members={panelOptions}
                            interview={{
                              id: i.id,
                              revision: i.revision,
                              status: i.status,
                              scheduledAt: i.scheduledAt.toISOString(),
                              durationMinutes: i.durationMinutes,
                              panelUserIds: i.panelUserIds,
                              panelRoles: i.panelRoles,
                              warnings: i.warnings,
                            }}
                            qualifiedUserIds={profile.qualifiedByKit[i.kitId] ?? []}
                          />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {can(ctx, 'interview:schedule') && !erased && a.stages.length ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Schedule an interview</summary>
                  <div className="mt-3">
                    <ScheduleInterviewForm
                      applicationId={a.id}
                      stages={a.stages.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes, kitId: s.kitId }))}
                      members={panelOptions}
                      qualifiedByKit={profile.qualifiedByKit}
                    />
                  </div>
                </details>
              ) : null}
            </Card>
          ))}
        </div>
        <div className="space-y-6">
        {canWrite ? (
          <Card className="h-fit p-4">
            <h2 className="mb-2 font-semibold">Apply to another opening</h2>
            <ApplyToOpeningForm
              candidateId={candidate.id}
              openings={openings.filter((o) => o.status === 'open' && !profile.applications.some((a) => a.opening.id === o.id)).map((o) => ({ id: o.id, title: o.title }))}
            />
          </Card>
        ) : null}
        {canWrite ? (
          <Card className="h-fit p-4">
            <details>
              <summary className="cursor-pointer font-semibold">Edit details</summary>
              <div className="mt-3">
                <EditCandidateForm candidate={toCandidateDetails(candidate)} />
              </div>
            </details>
          </Card>
        ) : null}
        {canWrite && selfIdStatus ? (
          <Card className="h-fit p-4">
            <SelfIdentificationCard candidateId={candidate.id} status={selfIdStatus} />
          </Card>
        ) : null}
        <Card className="h-fit p-4">
          <h2 className="font-semibold">Feedback</h2>
          {hiddenReason ? (
            <div className="mt-1">
              <HiddenFeedbackNotice reason={hiddenReason} candidateName={candidate.name} />
            </div>
          ) : null}
          {feedback.scorecards.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No feedback to show.</p>
          ) : (
            <ul className="mt-2 space-y-3 text-sm">
              {feedback.scorecards.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-200 p-2">
                  <p className="font-medium">
                    {s.interviewerName}
                    {s.mine ? ' (you)' : ''} · {s.recommendation ? RECOMMENDATION_LABELS[s.recommendation] : 'No recommendation yet'} <Badge>{s.status}</Badge>
                  </p>
                  {s.panelRole && s.panelRole !== 'interviewer' ? <NotCountedBadge role={s.panelRole} /> : null}
                  {s.summary ? <p className="mt-1 text-slate-700">{s.summary}</p> : null}
                  {s.status === 'submitted' && can(ctx, 'scorecard:reopen') ? <ReopenScorecardForm scorecardId={s.id} interviewer={s.interviewerName} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {can(ctx, 'candidate:erase') && !erased ? (
          <Card className="h-fit p-4">
            <details>
              <summary className="cursor-pointer font-semibold text-red-800">Erase this candidate’s personal data</summary>
              <div className="mt-3">
                <EraseCandidateForm candidateId={candidate.id} pseudonym={candidatePseudonym(candidate.id)} />
              </div>
            </details>
          </Card>
        ) : null}
        <Card className="h-fit p-4">
          <h2 className="font-semibold">Timeline</h2>
          <ol className="mt-2 space-y-2 border-l border-slate-200 pl-4 text-sm">
            {timeline.map((e, i) => (
              <li key={i}>
                <span className="block text-xs text-slate-600"><LocalTime iso={e.at.toISOString()} /></span>
                {e.text}
              </li>
            ))}
          </ol>
        </Card>
        </div>
      </div>
    </>
  );
}
