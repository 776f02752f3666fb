'use client';
// A rating per evaluated skill: 1–4 against the anchors, or "no evidence"; submit refusals sit
// beside the skill they name.
import { fieldKey, type FieldValue, type Flat, valueOf } from '@/lib/scorecards/draft';
import { RATING_LABELS } from '@/lib/scorecards/labels';
import type { LiveSkill } from './live-types';

const VALUES = [1, 2, 3, 4, 'no_evidence'] as const;

export function SkillsPanel({
  skills,
  local,
  readOnly,
  fieldErrors,
  onRate,
}: {
  skills: LiveSkill[];
  local: Flat;
  readOnly: boolean;
  fieldErrors: Record<string, string[]>;
  onRate: (key: string, value: FieldValue) => void;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="skills-heading" className="font-semibold">
        Skills
      </h2>
      <div className="mt-2 space-y-3">
        {skills.map((skill) => {
          const key = fieldKey.skillRating(skill.skillId);
          const error = fieldErrors[`ratings.${skill.skillId}`]?.[0];
          return (
            <fieldset key={skill.skillId} disabled={readOnly} aria-describedby={error ? `${key}-error` : undefined}>
              <legend className="text-sm font-medium">
                {skill.name} <span className="text-xs font-normal text-slate-600">weight {skill.weight}</span>
              </legend>
              <div className="mt-1 flex flex-wrap gap-1">
                {VALUES.map((value) => {
                  const checked = valueOf(local, key) === value;
                  return (
                    <label key={value} className={`cursor-pointer rounded border px-2 py-1 text-xs ${checked ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-50'}`}>
                      <input type="radio" className="sr-only" name={key} checked={checked} onChange={() => onRate(key, value)} />
                      {value === 'no_evidence' ? 'No evidence' : `${value} ${RATING_LABELS[value]}`}
                    </label>
                  );
                })}
              </div>
              {error ? (
                <p id={`${key}-error`} className="text-xs text-red-700">
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
