'use client';
import { ImportErrors, ImportFlow } from '@/app/_components/file-import';
import type { KitImportPreview as Preview } from '@/lib/kits/transfer';
import { importKitAction, previewKitImportAction } from '../actions';
import { plural } from '@/lib/text';


export function KitImport() {
  return (
    <ImportFlow<Preview>
      accept=".json,application/json"
      label="Kit file (.loopkit.json)"
      preview={(file) => previewKitImportAction({ content: file.content })}
      commit={(file) => importKitAction({ content: file.content })}
      renderPreview={(preview) =>
        preview.ok
          ? {
              ok: true,
              confirmLabel: `Import “${preview.kit.name}”`,
              body: (
                <div role="status" className="text-sm">
                  <p>
                    The file is valid: “{preview.kit.name}”, {preview.kit.roleTitle}, {preview.minutes} of {preview.kit.targetMinutes} min. It creates {plural(preview.questionsToCreate, 'question')} in your bank and a draft kit.
                  </p>
                  <ul className="mt-2 list-disc pl-5">
                    {preview.sections.map((s) => (
                      <li key={s.title}>
                        {s.title}: {s.questions.join('; ') || 'no questions'}
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
      done={null}
    />
  );
}
