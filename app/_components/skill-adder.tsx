'use client';
// "Add a skill" for weight editors (kit builder, opening form): the taxonomy by category, minus
// the skills already weighted, and a button that hands the chosen one back.
import { useState } from 'react';
import { buttonClass } from './ui';

export interface SkillCategory {
  name: string;
  skills: { id: string; name: string }[];
}

export function SkillAdder({
  id,
  label,
  hideLabel = false,
  placeholder,
  categories,
  exclude,
  selectClassName,
  onAdd,
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  placeholder: string;
  categories: SkillCategory[];
  exclude: ReadonlySet<string>;
  selectClassName: string;
  onAdd: (skill: { id: string; name: string }) => void;
}) {
  const [chosen, setChosen] = useState('');
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className={hideLabel ? 'flex-1' : 'space-y-1'}>
        <label htmlFor={id} className={hideLabel ? 'sr-only' : 'block text-xs font-medium'}>
          {label}
        </label>
        <select id={id} className={selectClassName} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{placeholder}</option>
          {categories.map((c, i) => (
            <optgroup key={`${i}-${c.name}`} label={c.name}>
              {c.skills
                .filter((s) => !exclude.has(s.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button
        type="button"
        className={buttonClass('secondary')}
        disabled={!chosen}
        onClick={() => {
          const skill = categories.flatMap((c) => c.skills).find((s) => s.id === chosen);
          if (skill) onAdd(skill);
          setChosen('');
        }}
      >
        Add skill
      </button>
    </div>
  );
}
