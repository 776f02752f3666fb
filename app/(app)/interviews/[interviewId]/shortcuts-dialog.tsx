'use client';
// The keyboard shortcuts, shown with "?"; Esc, the backdrop or Close hides them.
import { buttonClass } from '@/app/_components/ui';

const SHORTCUTS: [keys: string, effect: string][] = [
  ['J or →', 'Next question'],
  ['K or ←', 'Previous question'],
  ['1 – 4', 'Rate the current answer (and its skill)'],
  ['N', 'Jump to the notes'],
  ['Esc', 'Leave a text field (then shortcuts work again)'],
  ['?', 'Show or hide this help'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="help-heading" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onClick={onClose}>
      <div className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-heading" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, effect]) => (
            <div key={keys} className="contents">
              <dt className="font-mono">{keys}</dt>
              <dd>{effect}</dd>
            </div>
          ))}
        </dl>
        <button type="button" autoFocus className={buttonClass('primary', 'mt-4')} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
