// The API reference page's content, read from the OpenAPI document: operations grouped by tag,
// with parameters, request fields and responses in words. Pure, so it can be tested without a page.
type Json = Record<string, unknown>;

export interface ReferenceField {
  name: string;
  location?: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  permission?: string;
  public: boolean;
  parameters: ReferenceField[];
  body: ReferenceField[];
  responses: { status: string; description: string; type?: string }[];
}

export interface ReferenceSection {
  tag: string;
  description?: string;
  operations: ReferenceOperation[];
}

const refName = (ref: string) => ref.split('/').pop() ?? ref;

/** A JSON Schema in a few words: `string (uuid)`, `integer 1–100`, `"a" | "b"`, `Candidate[]`, `… | null`. */
export function describeType(schema: Json | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return [...new Set((schema[key] as Json[]).map(describeType))].join(' | ');
  }
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `${describeType(schema.items as Json | undefined)}[]`;
  if (type === 'object') return schema.properties ? 'object' : 'map';
  let out = typeof type === 'string' ? type : 'any';
  if (typeof schema.format === 'string') out += ` (${schema.format})`;
  const min = schema.minimum ?? schema.minLength;
  const max = schema.maximum ?? schema.maxLength;
  if (min !== undefined || max !== undefined) out += type === 'string' ? `, ${min ?? 0}–${max ?? '…'} chars` : ` ${min ?? '…'}–${max ?? '…'}`;
  return out;
}

function bodyFields(schema: Json | undefined): ReferenceField[] {
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  if (!Object.keys(properties).length) return [{ name: '(body)', type: describeType(schema), required: true, description: schema.description as string | undefined }];
  return Object.entries(properties).map(([name, p]) => ({ name, type: describeType(p), required: required.has(name), description: p.description as string | undefined }));
}

export function referenceSections(doc: Json): ReferenceSection[] {
  const tags = (doc.tags ?? []) as { name: string; description?: string }[];
  const sections = new Map<string, ReferenceSection>(tags.map((t) => [t.name, { tag: t.name, description: t.description, operations: [] }]));
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ['Other'])[0]!;
      if (!sections.has(tag)) sections.set(tag, { tag, operations: [] });
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema?: Json }>;
      sections.get(tag)!.operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        description: op.description as string | undefined,
        permission: op['x-permission'] as string | undefined,
        public: Array.isArray(op.security) && op.security.length === 0,
        parameters: ((op.parameters ?? []) as Json[]).map((p) => ({
          name: String(p.name),
          location: String(p.in),
          type: describeType(p.schema as Json | undefined),
          required: Boolean(p.required),
          description: p.description as string | undefined,
        })),
        body: bodyFields(content['application/json']?.schema),
        responses: Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
          const ref = typeof r.$ref === 'string' ? r.$ref : undefined;
          const media = Object.values((r.content ?? {}) as Record<string, { schema?: Json }>)[0];
          return { status, description: ref ? 'Error body: { error: { code, message, fields?, current? } }' : String(r.description ?? ''), type: media?.schema ? describeType(media.schema) : undefined };
        }),
      });
    }
  }
  return [...sections.values()].filter((s) => s.operations.length);
}
