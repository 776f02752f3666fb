'use client';
import Link from 'next/link';
import { ImportFlow } from '@/app/_components/file-import';
import { Badge } from '@/app/_components/ui';
import type { ImportPreview } from '@/lib/questions/transfer';
import { plural } from '@/lib/text';
import { importQuestionsAction, previewQuestionImportAction } from '../actions';

const formatOf = (name: string) => (name.toLowerCase().endsWith('.csv') ? 'csv' : 'json');

export function QuestionImport() {
  return (
    <ImportFlow<ImportPreview>
      accept=".json,.csv,application/json,text/csv"
      label="Question file (JSON or CSV exported from Loopkit, or written to the same columns)"
      preview={(file) => previewQuestionImportAction({ format: formatOf(file.name), content: file.content })}
      commit={(file) => importQuestionsAction({ format: formatOf(file.name), content: file.content })}
      renderPreview={(preview) =>
        preview.ok
          ? {
              ok: true,
              confirmLabel: `Import ${plural(preview.counts.create + preview.counts.update, 'question')}`,
              body: (
                <div>
                  <p role="status" className="text-sm">
                    The file is valid: {preview.counts.create} to create, {preview.counts.update} to update, {preview.counts.unchanged} unchanged.
                  </p>
                  <p className="mt-1 text-xs text-slate-600">{preview.numbering}</p>
                  <table className="mt-2 w-full text-sm">
                    <caption className="sr-only">What the import will do</caption>
                    <thead>
                      <tr className="text-left text-slate-600">
                        <th scope="col" className="py-1 pr-2 font-medium">Row</th>
                        <th scope="col" className="py-1 pr-2 font-medium">Action</th>
                        <th scope="col" className="py-1 font-medium">Question</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {preview.rows.map((r) => (
                        <tr key={r.row}>
                          <td className="py-1 pr-2 tabular-nums">{r.row}</td>
                          <td className="py-1 pr-2">
                            <Badge tone={r.action === 'create' ? 'green' : r.action === 'update' ? 'amber' : 'slate'}>{r.action}</Badge>
                          </td>
                          <td className="py-1">{r.title}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ),
            }
          : {
              ok: false,
              body: (
                <div role="alert">
                  <p className="text-sm font-medium text-red-800">The file has {plural(preview.errors.length, 'error')}. Nothing will be imported until all are fixed.</p>
                  <p className="mt-1 text-xs text-slate-600">{preview.numbering}</p>
                  <table className="mt-2 w-full text-sm">
                    <caption className="sr-only">Errors by row and field</caption>
                    <thead>
                      <tr className="text-left text-slate-600">
                        <th scope="col" className="py-1 pr-2 font-medium">Row</th>
                        <th scope="col" className="py-1 pr-2 font-medium">Field</th>
                        <th scope="col" className="py-1 pr-2 font-medium">Column</th>
                        <th scope="col" className="py-1 font-medium">Problem</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {preview.errors.map((e, i) => (
                        <tr key={i}>
                          <td className="py-1 pr-2 tabular-nums">{e.row || 'file'}</td>
                          <td className="py-1 pr-2">{e.label ?? (e.row ? 'Row' : 'File')}</td>
                          <td className="py-1 pr-2 font-mono text-xs">{e.field}</td>
                          <td className="py-1">{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ),
            }
      }
      done={
        <Link href="/questions?origin=ours" className="text-sm font-medium text-brand-700 underline">
          See your questions
        </Link>
      }
    />
  );
}
