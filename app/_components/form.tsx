'use client';
// Form pieces wired to server actions' ActionState: labelled inputs, field errors announced to
// screen readers, and a submit button that shows progress while the action runs.
import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/http';
import { takeTypedBeforeHydration } from './typed-before-hydration';
import { buttonClass } from './ui';

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === 'error' ? state.fields?.[name]?.[0] : undefined;
}

const controlClass = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${
    error ? 'border-red-600' : 'border-slate-300'
  }`;

/** Label, hint and error around one control, wired together with ids for screen readers. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A box keeps what was typed into it before the page hydrated (typed-before-hydration.ts says
 * why it would not). Once React is live: a controlled box hands the text to its own onChange as a
 * real input event — React's value tracker is told the rendered value first, so it sees the
 * change (the technique Testing Library's fireEvent uses); an uncontrolled one just gets it back.
 */
function useTypedBeforeHydration(id: string, value: unknown) {
  const rendered = useRef<{ value: unknown } | null>({ value });
  useEffect(() => {
    // Once, for the value the server rendered; later renders (another id, a new value) are React's.
    if (!rendered.current) return;
    const initial = rendered.current.value;
    rendered.current = null;
    const typed = takeTypedBeforeHydration(id);
    const box = document.getElementById(id);
    if (typed === undefined || !(box instanceof HTMLInputElement || box instanceof HTMLTextAreaElement) || box.readOnly || box.disabled) return;
    if (box instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(box.type)) return;
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')!.set!;
    if (initial === undefined) {
      setValue.call(box, typed);
      return;
    }
    if (typed === String(initial)) return;
    box.value = String(initial); // through React's tracked property: it now holds what React rendered
    setValue.call(box, typed);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, [id]);
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  label,
  name,
  error,
  hint,
  ...props
}: ComponentProps<'input'> & { label: string; name: string; error?: string; hint?: ReactNode }) {
  const id = props.id ?? `field-${name}`;
  useTypedBeforeHydration(id, props.value);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass(error)} {...props} />
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  children,
  ...props
}: ComponentProps<'select'> & { label: string; name: string; error?: string }) {
  const id = props.id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        {...props}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingText, variant = 'primary', className = '' }: { children: ReactNode; pendingText: string; variant?: 'primary' | 'secondary' | 'danger'; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant, className)}>
      {pending ? (
        <>
          <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
          {pendingText}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (state.status === 'error') {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.message}
      </div>
    );
  }
  if (state.status === 'success' && state.message) {
    return (
      <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {state.message}
      </div>
    );
  }
  return null;
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...props
}: ComponentProps<'textarea'> & { label: string; name: string; error?: string; hint?: ReactNode }) {
  const id = props.id ?? `field-${name}`;
  useTypedBeforeHydration(id, props.value);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass(error)} {...props} />
    </Field>
  );
}

/**
 * Shown when a save was refused because someone else saved first (409). Nothing was lost: the
 * form still holds this person's changes, and they choose to load the other version or to keep
 * theirs (which bases the next save on the current revision, replacing the other version knowingly).
 */
export function ConflictNotice({ message, onLoadTheirs, onKeepMine }: { message: string; onLoadTheirs: () => void; onKeepMine: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>{message}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={onLoadTheirs}>
          Load their version
        </button>
        <button type="button" className={buttonClass('secondary', 'py-1 text-xs')} onClick={onKeepMine}>
          Keep my changes
        </button>
      </div>
    </div>
  );
}
