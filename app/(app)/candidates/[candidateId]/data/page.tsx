// The subject access export as a readable, printable document: what an admin sends a candidate who
// asks what Loopkit holds about them. The same data is JSON at /api/v1/candidates/:id/data-export.
import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton } from '@/app/_components/print-button';
import { AccessDenied, PageHeader } from '@/app/_components/ui';
import { auditActionLabel } from '@/lib/audit-log';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { can } from '@/lib/context';
import { optionLabel, SELF_ID_QUESTIONS } from '@/lib/fairness/questions';
import { RECOMMENDATION_LABELS } from '@/lib/scorecards/schemas';
import { orNotFound, requirePageContext } from '../../../page-context';

export const metadata: Metadata = { title: 'Personal data export' };

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const at = (iso: string | null) => (iso ? `${dateTime.format(new Date(iso))} UTC` : '—');

export default async function CandidateDataPage({ params }: { params: Promise<{ candidateId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'candidate:export_personal_data')) return <AccessDenied what="personal data exports" />;
  const { candidateId } = await params;
  const data = await orNotFound(getCandidateDataExport(ctx, candidateId));
  const { candidate } = data;
  const details: [string, string | null][] = [
    ['Name', candidate.name],
    ['Email', candidate.email],
    ['Phone', candidate.phone],
    ['Location', candidate.location],
    ['Source', candidate.source],
    ['Notes', candidate.notes || null],
    ['Added', at(candidate.createdAt)],
    ['Last changed', at(candidate.updatedAt)],
    ['Erased', candidate.erasedAt ? at(candidate.erasedAt) : null],
  ];
  return (
    <article className="print-document mx-auto max-w-4xl space-y-8 print:max-w-none">
      <div className="no-print flex flex-wrap items-center justify-between gap-3 text-sm">
        <Link href={`/candidates/${candidate.id}`} className="text-brand-700 hover:underline">
          ← {candidate.name}
        </Link>
        <span className="flex gap-4">
          <a href={`/api/v1/candidates/${candidate.id}/data-export`} className="font-medium text-brand-700 hover:underline">
            Download JSON
          </a>
          <PrintButton />
        </span>
      </div>
      <PageHeader
        title={`Personal data held about ${candidate.name}`}
        description={`Everything Loopkit holds about this person, including all interviewers’ feedback. Generated ${at(data.generatedAt)}. Times are in UTC.`}
      />

      <section aria-labelledby="details">
        <h2 id="details" className="mb-2 text-lg font-semibold">Candidate record</h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="whitespace-pre-wrap">{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="applications">
        <h2 id="applications" className="mb-2 text-lg font-semibold">Applications and decisions</h2>
        {data.applications.length === 0 ? <p className="text-sm text-slate-600">None.</p> : null}
        <ul className="space-y-3 text-sm">
          {data.applications.map((a) => (
            <li key={a.id} className="break-inside-avoid rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {a.opening.title} — {a.stage}
                {a.currentStage ? ` (stage: ${a.currentStage})` : ''}
              </p>
              <p className="text-slate-700">Applied {at(a.appliedAt)}{a.closedAt ? ` · closed ${at(a.closedAt)}` : ''}</p>
              {a.statusHistory.length ? (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {a.statusHistory.map((h, i) => (
                    <li key={i}>
                      {at(h.at)}: {h.from} → {h.to}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="interviews">
        <h2 id="interviews" className="mb-2 text-lg font-semibold">Interviews</h2>
        {data.interviews.length === 0 ? <p className="text-sm text-slate-600">None.</p> : null}
        <ul className="space-y-1 text-sm">
          {data.interviews.map((i) => (
            <li key={i.id}>
              {i.stage ?? 'Interview'} · {at(i.scheduledAt)} · {i.durationMinutes} min · {i.status} · panel: {i.panel.join(', ') || '—'}
              {i.cancellationReason ? ` · reason: ${i.cancellationReason}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feedback">
        <h2 id="feedback" className="mb-2 text-lg font-semibold">Feedback</h2>
        {data.scorecards.length === 0 ? <p className="text-sm text-slate-600">None.</p> : null}
        <div className="space-y-4">
          {data.scorecards.map((s) => (
            <section key={s.id} aria-label={`Scorecard by ${s.interviewer}`} className="break-inside-avoid rounded-md border border-slate-200 p-3 text-sm">
              <h3 className="font-medium">
                {s.interviewer} · {s.status === 'draft' ? 'draft, not submitted' : `submitted ${at(s.submittedAt)}`} · {s.recommendation ? RECOMMENDATION_LABELS[s.recommendation as keyof typeof RECOMMENDATION_LABELS] : 'no recommendation'}
              </h3>
              {s.summary ? <p className="mt-1 whitespace-pre-wrap">{s.summary}</p> : null}
              {s.ratings.length ? (
                <table className="mt-2 w-full text-left">
                  <thead>
                    <tr>
                      <th scope="col" className="font-medium">Skill</th>
                      <th scope="col" className="font-medium">Rating (1–4)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.ratings.map((r) => (
                      <tr key={r.skill}>
                        <td>{r.skill}</td>
                        <td>{r.noEvidence ? 'no evidence' : (r.rating ?? '—')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {s.notes.filter((n) => n.note || n.rating).length ? (
                <ul className="mt-2 space-y-1">
                  {s.notes
                    .filter((n) => n.note || n.rating)
                    .map((n, i) => (
                      <li key={i}>
                        <span className="font-medium">{n.question}</span>
                        {n.rating ? ` (${n.rating})` : ''}: {n.note || '—'}
                      </li>
                    ))}
                </ul>
              ) : null}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="self-identification">
        <h2 id="self-identification" className="mb-2 text-lg font-semibold">Voluntary self-identification</h2>
        {data.selfIdentification ? (
          <>
            <p className="mb-1 text-sm text-slate-700">Answered {at(data.selfIdentification.answeredAt)}. Kept apart from the application; used only in group totals.</p>
            <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
              {SELF_ID_QUESTIONS.map((q) => (
                <div key={q.key} className="contents">
                  <dt className="font-medium text-slate-700">{q.label}</dt>
                  <dd>{data.selfIdentification!.answers[q.key] ? optionLabel(q.key, data.selfIdentification!.answers[q.key]!) : '—'}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </section>

      <section aria-labelledby="events">
        <h2 id="events" className="mb-2 text-lg font-semibold">Recorded events</h2>
        <ul className="space-y-0.5 text-sm">
          {data.auditEvents.map((e, i) => (
            <li key={i}>
              {at(e.at)}: {auditActionLabel(e.action)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
