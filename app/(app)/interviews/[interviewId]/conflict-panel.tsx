'use client';
// Fields this tab and another session both changed: each side by side, to keep one or both.
import { buttonClass } from '@/app/_components/ui';
import { type Conflict, type FieldValue, keepBoth } from '@/lib/scorecards/draft';

export function ConflictPanel({ conflicts, labelOf, onResolve }: { conflicts: Conflict[]; labelOf: (key: string) => string; onResolve: (conflict: Conflict, value: FieldValue) => void }) {
  if (!conflicts.length) return null;
  return (
    <section aria-labelledby="conflict-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <h2 id="conflict-heading" className="font-semibold text-amber-900">
        This scorecard was also edited in another tab or device
      </h2>
      <p className="text-sm text-amber-900">Nothing has been lost. Choose what to keep for each field.</p>
      <ul className="mt-3 space-y-3">
        {conflicts.map((c) => (
          <li key={c.key} className="rounded-md bg-white p-3 text-sm">
            <p className="font-medium">{labelOf(c.key)}</p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              <div>
                <p className="text-xs font-semibold uppercase text-slate-600">This tab</p>
                <p className="whitespace-pre-wrap rounded border border-slate-200 p-2">{String(c.mine ?? '—')}</p>
              </div>
              <div>
                <p className="text-xs font-semibold uppercase text-slate-600">Other version</p>
                <p className="whitespace-pre-wrap rounded border border-slate-200 p-2">{String(c.theirs ?? '—')}</p>
              </div>
            </div>
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={() => onResolve(c, c.mine)}>
                Keep this tab’s
              </button>
              <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={() => onResolve(c, c.theirs)}>
                Keep the other
              </button>
              {typeof c.mine === 'string' || typeof c.theirs === 'string' ? (
                <button type="button" className={buttonClass('primary', 'py-1 text-xs')} onClick={() => onResolve(c, keepBoth(c.mine, c.theirs))}>
                  Keep both texts
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
