'use client';
// The skills a kit evaluates and their relative weights (1–100), with each one's share.
import { SkillAdder } from '@/app/_components/skill-adder';
import { buttonClass } from '@/app/_components/ui';
import type { BuilderWeight } from './kit-draft';

export interface SkillTaxonomy {
  id: string;
  name: string;
  skills: { id: string; name: string }[];
}

export const inputClass = 'block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export function WeightsEditor({
  weights,
  taxonomy,
  skillName,
  onChange,
  error,
}: {
  weights: BuilderWeight[];
  taxonomy: SkillTaxonomy[];
  skillName: Map<string, string>;
  onChange: (w: BuilderWeight[]) => void;
  error?: string;
}) {
  const total = weights.reduce((s, w) => s + w.weight, 0);
  return (
    <section aria-labelledby="weights-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="weights-heading" className="text-base font-semibold">
        Skills evaluated and their weights
      </h2>
      <p className="mt-1 text-xs text-slate-600">Weights are relative (1–100); the share of the total is shown beside each.</p>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      <ul className="mt-3 space-y-2">
        {weights.map((w) => {
          const name = skillName.get(w.skillId) ?? 'Unknown skill';
          return (
            <li key={w.skillId} className="flex items-center gap-3">
              <label htmlFor={`weight-${w.skillId}`} className="flex-1 text-sm">
                {name}
              </label>
              <input
                id={`weight-${w.skillId}`}
                type="number"
                min={1}
                max={100}
                className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
                value={w.weight}
                onChange={(e) => onChange(weights.map((x) => (x.skillId === w.skillId ? { ...x, weight: Number(e.target.value) || 0 } : x)))}
              />
              <span className="w-12 text-right text-xs tabular-nums text-slate-600">{total ? Math.round((w.weight / total) * 100) : 0}%</span>
              <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={() => onChange(weights.filter((x) => x.skillId !== w.skillId))}>
                Remove<span className="sr-only"> {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="mt-3">
        <SkillAdder
          id="add-skill"
          label="Skill to weight"
          hideLabel
          placeholder="Choose a skill to weight…"
          categories={taxonomy}
          exclude={new Set(weights.map((w) => w.skillId))}
          selectClassName={inputClass}
          onAdd={(skill) => onChange([...weights, { skillId: skill.id, weight: 10 }])}
        />
      </div>
    </section>
  );
}

