import type { Metadata } from 'next';
import { Badge, Card, PageHeader } from '@/app/_components/ui';
import { openApiDocument } from '@/lib/api/openapi';
import { type ReferenceField, referenceSections } from '@/lib/api/reference';
import { can } from '@/lib/context';
import { requirePageContext } from '../../page-context';
import { SettingsTabs } from '../settings-tabs';

export const metadata: Metadata = { title: 'API reference' };

const METHOD_TONES: Record<string, 'brand' | 'green' | 'amber' | 'red' | 'slate'> = { GET: 'brand', POST: 'green', PATCH: 'amber', PUT: 'amber', DELETE: 'red' };

function FieldTable({ caption, fields, showLocation }: { caption: string; fields: ReferenceField[]; showLocation?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="py-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">{caption}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Name</th>
            {showLocation && <th scope="col">In</th>}
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((f) => (
            <tr key={`${f.location ?? ''}-${f.name}`} className="align-top">
              <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs font-medium text-slate-900">
                {f.name}
                {f.required && <span className="ml-1 font-sans text-red-700">required</span>}
              </th>
              {showLocation && <td className="py-1.5 pr-3 text-xs text-slate-500">{f.location}</td>}
              <td className="py-1.5 pr-3 font-mono text-xs text-slate-700">{f.type}</td>
              <td className="py-1.5 text-xs text-slate-600">{f.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The REST API's reference, server-rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  const { ctx } = await requirePageContext();
  const doc = openApiDocument();
  const sections = referenceSections(doc);
  const info = doc.info as { version: string };
  return (
    <>
      <PageHeader title="Settings" description="The REST API for integrations: your ATS, HRIS or reporting." />
      <SettingsTabs current="api-reference" canManageOrg={can(ctx, 'org:manage')} role={ctx.role} />
      <div className="space-y-6">
        <Card className="space-y-3 p-5 text-sm text-slate-700">
          <h2 className="text-base font-semibold text-slate-900">Loopkit API v1 <span className="font-normal text-slate-500">({info.version})</span></h2>
          <p>
            Base URL <code className="rounded bg-slate-100 px-1">/api/v1</code>. Machine-readable description (OpenAPI 3.1):{' '}
            <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{' '}
            — generate a client from it (for example with openapi-typescript).
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong>Authentication:</strong> <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;API key&gt;</code> (keys and their scopes under Settings → API keys), or the
              signed-in session in the browser. A key acts as a service member: the same permission and tenant checks, and never a panelist.
            </li>
            <li>
              <strong>Pagination:</strong> lists take <code>limit</code> (1–100) and return <code>nextCursor</code>; pass it back as <code>cursor</code> with the same filters. Lists run in creation
              order, so rows added while you page are neither skipped nor repeated.
            </li>
            <li>
              <strong>Changes:</strong> <code>updated_since</code> (ISO 8601) returns what changed at or after that instant.
            </li>
            <li>
              <strong>Versions:</strong> single resources send an <code>ETag</code>; send it back as <code>If-Match</code> on PATCH. A stale one is refused with 409 and the current state in{' '}
              <code>error.current</code>. POSTs accept an <code>Idempotency-Key</code>: a retry gets the first answer.
            </li>
            <li>
              <strong>Errors:</strong> <code>{'{ "error": { "code", "message", "fields"?, "current"? } }'}</code> — 401, 403, 404 (also for another organization’s ids), 409, 413, 422 (
              <code>fields</code> names each bad field), 429 with Retry-After.
            </li>
          </ul>
          <nav aria-label="API sections">
            <ul className="flex flex-wrap gap-2">
              {sections.map((s) => (
                <li key={s.tag}>
                  <a className="rounded border border-slate-200 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-slate-50" href={`#${s.tag.toLowerCase().replace(/\W+/g, '-')}`}>
                    {s.tag}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </Card>
        {sections.map((section) => (
          <section key={section.tag} aria-labelledby={`tag-${section.tag}`} id={section.tag.toLowerCase().replace(/\W+/g, '-')} className="space-y-2">
            <h2 id={`tag-${section.tag}`} className="text-lg font-semibold text-slate-900">
              {section.tag}
            </h2>
            {section.description && <p className="text-sm text-slate-600">{section.description}</p>}
            {section.operations.map((op) => (
              <Card key={op.id} className="p-0">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3">
                    <Badge tone={METHOD_TONES[op.method] ?? 'slate'}>{op.method}</Badge>
                    <code className="break-all text-sm font-medium text-slate-900">{op.path}</code>
                    <span className="text-sm text-slate-600">{op.summary}</span>
                  </summary>
                  <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
                    {op.description && <p className="whitespace-pre-line text-slate-700">{op.description}</p>}
                    <p className="text-xs text-slate-500">{op.public ? 'Public: no authentication.' : 'Authentication: API key (Bearer) or session.'}</p>
                    {op.parameters.length > 0 && <FieldTable caption="Parameters" fields={op.parameters} showLocation />}
                    {op.body.length > 0 && <FieldTable caption="JSON body" fields={op.body} />}
                    <div className="overflow-x-auto">
                      <table className="min-w-full text-sm">
                        <caption className="py-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</caption>
                        <thead className="sr-only">
                          <tr>
                            <th scope="col">Status</th>
                            <th scope="col">Description</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {op.responses.map((r) => (
                            <tr key={r.status} className="align-top">
                              <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs">
                                {r.status}
                              </th>
                              <td className="py-1.5 text-xs text-slate-600">
                                {r.description}
                                {r.type && <span className="ml-1 font-mono text-slate-800">{r.type}</span>}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </div>
                </details>
              </Card>
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
