'use client';
// Live coverage of the weighted skills by the plan's questions and minutes.
import type { computeCoverage } from '@/lib/kits/coverage';

export function CoveragePanel({ coverage }: { coverage: ReturnType<typeof computeCoverage> }) {
  const pct = Math.round(coverage.weightCovered * 100);
  return (
    <section aria-labelledby="coverage-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="coverage-heading" className="text-base font-semibold">
        Coverage
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        <span aria-live="polite">
          {pct}% of the weight is assessed · {coverage.totalMinutes} of {coverage.targetMinutes} min
        </span>
      </p>
      {coverage.skills.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Weight the skills this kit evaluates to see coverage.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Questions and minutes per weighted skill (a question’s minutes count for its primary skill)</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="pb-1 font-medium">
                Skill (weight)
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Questions
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Minutes
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {coverage.skills.map((s) => (
              <tr key={s.skillId} className={s.questions.length === 0 ? 'text-red-800' : ''}>
                <th scope="row" className="py-1.5 text-left font-normal" title={s.questions.map((q) => q.title).join('\n')}>
                  {s.name} <span className="text-slate-500">({s.weight})</span>
                </th>
                <td className="py-1.5 text-right tabular-nums">
                  {s.questions.filter((q) => q.primary).length}
                  {s.questions.some((q) => !q.primary) ? <span className="text-slate-500"> + {s.questions.filter((q) => !q.primary).length} tagged</span> : null}
                </td>
                <td className="py-1.5 text-right tabular-nums">{s.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {coverage.warnings.length ? (
        <ul className="mt-3 space-y-1" aria-label="Warnings">
          {coverage.warnings.map((w, i) => (
            <li key={i} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {coverage.skills.length ? <p className="mt-2 text-xs text-slate-600">A question’s minutes count for its primary skill; “tagged” questions touch the skill too.</p> : null}
    </section>
  );
}

