'use client';
// The bank's filter form is a plain GET form (filters live in the URL and work without
// JavaScript); with JavaScript it applies a change as soon as a box is ticked.
import { type ReactNode, useState } from 'react';

export function AutoSubmitForm({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <form
      method="get"
      action="/questions"
      role="search"
      aria-label="Question bank"
      className={className}
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        if (target.type === 'checkbox' || target.type === 'radio' || target.tagName === 'SELECT') event.currentTarget.requestSubmit();
      }}
    >
      {children}
    </form>
  );
}

/**
 * The filters sit above the results. On a phone they fold behind a "Filters" button (open when a
 * filter is already on) so the results are not pushed thousands of pixels down; from the lg
 * breakpoint they are always shown beside the results.
 */
export function FilterPanel({ children, activeCount }: { children: ReactNode; activeCount: number }) {
  const [open, setOpen] = useState(activeCount > 0);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="question-filters"
        onClick={() => setOpen((o) => !o)}
        className="mb-2 flex w-full items-center justify-between rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 lg:hidden"
      >
        <span>Filters{activeCount ? ` (${activeCount} on)` : ''}</span>
        <span aria-hidden>{open ? '▲' : '▼'}</span>
      </button>
      <div id="question-filters" className={`${open ? 'block' : 'hidden'} lg:block`}>
        {children}
      </div>
    </div>
  );
}
