// A rating chosen among a question's four anchors, each with its description: the reference rating
// on the question page and the trainee's rating on an exercise are picked the same way. The
// anchors arrive rendered from Markdown by the server page (the parser stays off the client).
import type { ReactNode } from 'react';
import { RUBRIC_LABELS } from '@/lib/questions/schemas';

export function AnchorChoice({
  legend,
  name,
  anchors,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  anchors: readonly ReactNode[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-2">
        {anchors.map((anchor, i) => {
          const option = String(i + 1);
          return (
            <label key={option} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} className="mt-0.5" />
              <span>
                <span className="font-medium text-slate-900">{RUBRIC_LABELS[i]}</span>
                <span className="block text-slate-700">{anchor}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
