import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getKit } from '@/lib/kits/queries';
import { KIND_LABELS, LEVEL_LABELS, type QuestionKind, RUBRIC_LABELS } from '@/lib/questions/schemas';
import { orNotFound, requirePageContext } from '../../../page-context';
import { PrintButton } from '@/app/_components/print-button';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown';

export const metadata: Metadata = { title: 'Interviewer guide' };

export default async function InterviewerGuidePage({ params, searchParams }: { params: Promise<{ kitId: string }>; searchParams: Promise<{ version?: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:read')) return <AccessDenied what="interview kits" />;
  const { kitId } = await params;
  const requested = Number.parseInt((await searchParams).version ?? '', 10);
  const kit = await orNotFound(getKit(ctx, kitId, { version: Number.isFinite(requested) ? requested : undefined }));
  const v = kit.current;
  const skillNames = new Map(kit.weights.map((w) => [w.skillId, w.name]));
  const items = kit.sections.flatMap((s) => s.items);
  const plan = items.map((item, i) => ({ item, start: items.slice(0, i).reduce((sum, x) => sum + x.minutes, 0) }));
  const clock = items.reduce((sum, x) => sum + x.minutes, 0);
  const numberOf = new Map(items.map((item, i) => [item.id, i + 1]));
  return (
    <article className="mx-auto max-w-3xl print:max-w-none">
      <div className="no-print mb-4 flex items-center justify-between">
        <Link href={`/kits/${kit.kit.id}?version=${v.version}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the kit
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">Interviewer guide</p>
        <h1 className="text-2xl font-semibold">{kit.kit.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {v.roleTitle} · {LEVEL_LABELS[v.level]} · {clock} of {v.targetMinutes} minutes · version {v.version}
          {v.status === 'draft' ? ' (draft)' : ''}
        </p>
        <p className="mt-2 text-sm text-slate-700">
          Skills evaluated: {kit.weights.map((w) => `${w.name} (${w.weight})`).join(', ') || 'none yet'}.
        </p>
      </header>

      <section className="mt-6 break-inside-avoid">
        <h2 className="text-lg font-semibold">Time plan</h2>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-2 font-medium">
                Start
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Question
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Minutes
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.map(({ item, start }, i) => (
              <tr key={item.id} className="border-b border-slate-200">
                <td className="py-1 pr-2 tabular-nums">{`${Math.floor(start / 60)}:${String(start % 60).padStart(2, '0')}`}</td>
                <td className="py-1 pr-2">
                  {i + 1}. {item.title}
                </td>
                <td className="py-1 text-right tabular-nums">{item.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {kit.sections.map((section) => (
        <section key={section.id} className="mt-8">
          <h2 className="text-lg font-semibold">{section.title}</h2>
          {section.items.map((item) => {
            const number = numberOf.get(item.id);
            return (
              <div key={item.id} className="mt-4 break-inside-avoid rounded-md border border-slate-300 p-4 print:border-slate-400">
                <h3 className="font-semibold">
                  {number}. {item.title} <span className="font-normal text-slate-600">· {item.minutes} min · {KIND_LABELS[item.kind as QuestionKind]}</span>
                </h3>
                <p className="mt-1 text-xs text-slate-600">
                  Assesses: {item.skillIds.map((id) => skillNames.get(id)).filter(Boolean).join(', ') || '—'}
                </p>
                <Markdown className="mt-2 text-sm">{item.prompt}</Markdown>
                <div className="mt-3 grid gap-3 text-sm sm:grid-cols-2 print:grid-cols-2">
                  <div>
                    <h4 className="font-medium">Listen for</h4>
                    <ul className="list-disc pl-5">
                      {item.listenFor.map((x) => (
                        <li key={x}>
                          <InlineMarkdown>{x}</InlineMarkdown>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <div>
                    <h4 className="font-medium">Red flags</h4>
                    <ul className="list-disc pl-5">
                      {item.redFlags.map((x) => (
                        <li key={x}>
                          <InlineMarkdown>{x}</InlineMarkdown>
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
                {item.followUps.length ? (
                  <div className="mt-3 text-sm">
                    <h4 className="font-medium">Follow-ups</h4>
                    <ul className="list-disc pl-5">
                      {item.followUps.map((x) => (
                        <li key={x}>
                          <InlineMarkdown>{x}</InlineMarkdown>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <table className="mt-3 w-full text-sm">
                  <caption className="text-left font-medium">Rubric</caption>
                  <tbody>
                    {item.rubric.map((anchor, i) => (
                      <tr key={i} className="border-t border-slate-200 align-top">
                        <th scope="row" className="w-28 py-1 pr-2 text-left font-medium">
                          {RUBRIC_LABELS[i]}
                        </th>
                        <td className="py-1">
                          <InlineMarkdown>{anchor}</InlineMarkdown>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
