import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, BackLink, Badge, buttonClass, ButtonLink, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getKit } from '@/lib/kits/queries';
import { canSeeKitQualifications, listKitQualifications } from '@/lib/kits/qualifications';
import { listMembers } from '@/lib/orgs/queries';
import { LocalTime } from '@/app/_components/local-time';
import { KIND_LABELS, LEVEL_LABELS, type QuestionKind } from '@/lib/questions/schemas';
import { orNotFound, requirePageContext } from '../../page-context';
import { startKitDraftAction } from '../actions';
import { QualifyMemberForm, UnqualifyMemberForm } from './qualification-forms';

export const metadata: Metadata = { title: 'Kit' };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export default async function KitPage({ params, searchParams }: { params: Promise<{ kitId: string }>; searchParams: Promise<{ version?: string; published?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:read')) return <AccessDenied what="interview kits" />;
  const { kitId } = await params;
  const sp = await searchParams;
  const requested = sp.version ? Number.parseInt(sp.version, 10) : undefined;
  const kit = await orNotFound(getKit(ctx, kitId, { version: Number.isFinite(requested) ? requested : undefined }));
  const v = kit.current;
  const canWrite = can(ctx, 'kit:write') && !kit.builtin;
  const hasDraft = kit.versions.some((x) => x.status === 'draft');
  const canQualify = can(ctx, 'kit:qualify');
  const seesQualified = canSeeKitQualifications(ctx);
  const [qualified, members] = await Promise.all([
    seesQualified ? listKitQualifications(ctx, kit.kit.id) : Promise.resolve([]),
    canQualify && can(ctx, 'member:read') ? listMembers(ctx) : Promise.resolve([]),
  ]);
  const unqualified = members.filter((m) => !qualified.some((q) => q.userId === m.userId)).map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  return (
    <>
      <BackLink href="/kits">Kits</BackLink>
      <PageHeader
        title={kit.kit.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {v.roleTitle} · {LEVEL_LABELS[v.level]} · {v.targetMinutes} min target
            </span>
            <Badge tone={v.status === 'draft' ? 'amber' : 'green'}>
              {v.status === 'draft' ? `Draft of version ${v.version}` : `Version ${v.version}, published ${v.publishedAt ? when.format(v.publishedAt) : ''}`}
            </Badge>
            {kit.builtin ? <Badge tone="brand">Built-in template</Badge> : null}
          </span>
        }
        actions={
          <>
            <ButtonLink variant="secondary" href={`/kits/${kit.kit.id}/guide?version=${v.version}`}>
              Interviewer guide
            </ButtonLink>
            <a className={buttonClass('secondary')} href={`/api/v1/kits/${kit.kit.id}/export?version=${v.version}`} download>
              Download kit file
            </a>
            {kit.builtin && can(ctx, 'kit:write') ? <ButtonLink href={`/kits/new?from=${kit.kit.id}`}>Use this template</ButtonLink> : null}
            {canWrite && hasDraft ? <ButtonLink href={`/kits/${kit.kit.id}/edit`}>Edit draft</ButtonLink> : null}
            {canWrite && !hasDraft ? (
              <form action={startKitDraftAction}>
                <input type="hidden" name="kitId" value={kit.kit.id} />
                <button type="submit" className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
                  Edit (new draft)
                </button>
              </form>
            ) : null}
          </>
        }
      />
      {sp.published ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Published version {sp.published}. Interviews scheduled from now on pin it.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {kit.sections.map((section) => (
            <Card key={section.id}>
              <h2 className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold">
                {section.title} <span className="font-normal text-slate-600">· {section.items.reduce((s, i) => s + i.minutes, 0)} min</span>
              </h2>
              {section.items.length === 0 ? (
                <p className="px-4 py-3 text-sm text-slate-600">No questions in this section.</p>
              ) : (
                <ol className="divide-y divide-slate-200">
                  {section.items.map((item) => (
                    <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                      <Link href={`/questions/${item.questionId}`} className="font-medium text-brand-700 hover:underline">
                        {item.title}
                      </Link>
                      <span className="flex gap-1.5">
                        <Badge>{KIND_LABELS[item.kind as QuestionKind]}</Badge>
                        <Badge>{item.minutes} min</Badge>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          ))}
        </div>
        <div className="space-y-4">
          <Card className="p-4">
            <h2 className="text-sm font-semibold">Skills and weights</h2>
            <p className="mt-1 text-xs text-slate-600">
              {Math.round(kit.coverage.weightCovered * 100)}% of the weight assessed · {kit.coverage.totalMinutes} of {kit.coverage.targetMinutes} min
            </p>
            <ul className="mt-2 space-y-1 text-sm">
              {kit.coverage.skills.map((s) => (
                <li key={s.skillId} className="flex justify-between gap-2">
                  <span>{s.name}</span>
                  <span className="tabular-nums text-slate-600">
                    {s.weight} · {s.questions.length} q · {s.minutes} min
                  </span>
                </li>
              ))}
            </ul>
            {kit.coverage.warnings.length ? (
              <ul className="mt-3 space-y-1">
                {kit.coverage.warnings.map((w, i) => (
                  <li key={i} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
                    {w.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
          {seesQualified ? (
            <Card className="p-4">
              <h2 id="qualified-interviewers" className="text-sm font-semibold">
                Qualified interviewers
              </h2>
              <p className="mt-1 text-xs text-slate-600">Scheduling warns when no interviewer on a panel for this kit is qualified. Shadows never count as the qualified member.</p>
              {qualified.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">Nobody is marked qualified for this kit yet.</p>
              ) : (
                <ul aria-labelledby="qualified-interviewers" className="mt-2 space-y-2 text-sm">
                  {qualified.map((q) => (
                    <li key={q.userId} className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <span className="font-medium">{q.name}</span>
                        <span className="block text-xs text-slate-600">
                          since <LocalTime iso={q.qualifiedAt.toISOString()} />
                          {q.qualifiedBy ? ` · marked by ${q.qualifiedBy}` : ''}
                        </span>
                      </span>
                      {canQualify ? <UnqualifyMemberForm kitId={kit.kit.id} userId={q.userId} name={q.name} /> : null}
                    </li>
                  ))}
                </ul>
              )}
              {canQualify ? <QualifyMemberForm kitId={kit.kit.id} candidates={unqualified} /> : null}
            </Card>
          ) : null}
          <Card className="p-4">
            <h2 className="text-sm font-semibold">Versions</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {kit.versions.map((x) => (
                <li key={x.id} className="flex justify-between gap-2">
                  <Link href={`/kits/${kit.kit.id}?version=${x.version}`} aria-current={x.id === v.id ? 'page' : undefined} className="text-brand-700 hover:underline">
                    Version {x.version}
                  </Link>
                  <span className="text-slate-600">{x.status === 'draft' ? 'Draft' : `Published ${x.publishedAt ? when.format(x.publishedAt) : ''}`}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
