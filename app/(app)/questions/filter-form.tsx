'use client';
// The bank's filter form is a plain GET form (filters live in the URL and work without
// JavaScript); with JavaScript it applies a change as soon as a box is ticked.
import type { ReactNode } from 'react';

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
