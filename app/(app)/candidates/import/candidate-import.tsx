'use client';
import Link from 'next/link';
import { ImportErrors, ImportFlow } from '@/app/_components/file-import';
import type { CandidateImportPreview } from '@/lib/candidates/mutations';
import { importCandidatesAction, previewCandidateImportAction } from '../actions';
import { plural } from '@/lib/text';

/** With an opening (imported from its page), rows that name no opening apply to it. */
export function CandidateImport({ openingId }: { openingId?: string }) {
  return (
    <ImportFlow<CandidateImportPreview>
      accept=".csv,text/csv"
      label="Candidates CSV (columns: name, email, phone, location, source, opening)"
      preview={(file) => previewCandidateImportAction({ content: file.content, openingId })}
      commit={(file) => importCandidatesAction({ content: file.content, openingId })}
      renderPreview={(preview) =>
        preview.ok
          ? {
              ok: true,
              confirmLabel: `Import ${plural(preview.create, 'candidate')}`,
              body: (
                <div role="status" className="text-sm">
                  <p>
                    The file is valid: {plural(preview.create, 'candidate')}, {preview.applications} applied to an opening.
                  </p>
                  <ul className="mt-2 list-disc pl-5">
                    {preview.rows.map((r) => (
                      <li key={r.row}>
                        {r.name} ({r.email}){r.opening ? ` → ${r.opening}` : ''}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            }
          : {
              ok: false,
              body: <ImportErrors errors={preview.errors} />,
            }
      }
      done={
        <Link href={openingId ? `/openings/${openingId}` : '/candidates'} className="text-sm font-medium text-brand-700 underline">
          See candidates
        </Link>
      }
    />
  );
}
