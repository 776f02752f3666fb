'use client';
// Shared import flow: choose a file, see a validated preview (errors by row and field, or what
// will be created and updated), then confirm. Nothing is written before the confirmation.
import { type ReactNode, useState, useTransition } from 'react';
import type { ActionState } from '@/lib/http';
import { buttonClass } from './ui';
import { plural } from '@/lib/text';

export interface ImportFlowProps<P> {
  accept: string;
  label: string;
  preview: (file: { name: string; content: string }) => Promise<ActionState<P>>;
  commit: (file: { name: string; content: string }) => Promise<ActionState<unknown>>;
  renderPreview: (preview: P) => { ok: boolean; body: ReactNode; confirmLabel?: string };
  done: ReactNode;
}

export function ImportFlow<P>(props: ImportFlowProps<P>) {
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const rendered = preview ? props.renderPreview(preview) : null;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          {props.label}
        </label>
        <input
          id="import-file"
          type="file"
          accept={props.accept}
          className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-800"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            setPreview(null);
            setMessage(null);
            if (!chosen) return;
            start(async () => {
              const content = await chosen.text();
              const next = { name: chosen.name, content };
              setFile(next);
              const result = await props.preview(next);
              if (result.status === 'success') setPreview(result.data!);
              else if (result.status === 'error') setMessage({ tone: 'error', text: result.message });
            });
          }}
        />
      </div>
      {pending ? (
        <p role="status" className="text-sm text-slate-700">
          Checking the file…
        </p>
      ) : null}
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded-md px-3 py-2 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-green-50 text-green-800'}`}>
          {message.text}
        </p>
      ) : null}
      {rendered && !message ? (
        <div className="space-y-4">
          {rendered.body}
          {rendered.ok && file ? (
            <button
              type="button"
              className={buttonClass('primary')}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const result = await props.commit(file);
                  if (result.status === 'success') {
                    setPreview(null);
                    setMessage({ tone: 'success', text: result.message ?? 'Imported.' });
                  } else if (result.status === 'error') setMessage({ tone: 'error', text: result.message });
                })
              }
            >
              {rendered.confirmLabel ?? 'Import'}
            </button>
          ) : null}
        </div>
      ) : null}
      {message?.tone === 'success' ? props.done : null}
    </div>
  );
}

/** The shared "nothing will be imported" error list, by row (when there is one) and field. */
export function ImportErrors({ errors }: { errors: { row?: number; field: string; message: string }[] }) {
  return (
    <div role="alert" className="text-sm">
      <p className="font-medium text-red-800">The file has {plural(errors.length, 'error')}. Nothing will be imported until all are fixed.</p>
      <ul className="mt-2 space-y-1">
        {errors.map((e, i) => (
          <li key={i}>
            {e.row !== undefined ? `Row ${e.row || 'header'}, ` : ''}
            <code className="text-xs">{e.field}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
