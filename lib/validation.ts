// Parses untrusted input with a zod schema and turns failures into a ValidationError whose
// field names match the form fields and API properties the caller sent.
import { z } from 'zod';
import { type FieldErrors, ValidationError } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  rejectUnstorableText(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'input';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new ValidationError(fieldErrors);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character, which is not allowed';
  if (LONE_SURROGATE.test(text)) return 'contains an incomplete character (a lone UTF-16 surrogate)';
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000 or half of a UTF-16 surrogate pair, so such a
 * character anywhere in the input would fail deep in a query as a 500 after partial work. No
 * honest form or API client sends one: refuse it up front with a 422 naming the field (the first
 * one found). Found by tests/integration/fuzz.test.ts.
 */
export function rejectUnstorableText(input: unknown, path: string[] = []): void {
  const field = () => (path.length ? path.join('.') : 'input');
  if (typeof input === 'string') {
    const problem = unstorable(input);
    if (problem) throw ValidationError.field(field(), problem);
    return;
  }
  if (input === null || typeof input !== 'object' || path.length > 32) return;
  if (Array.isArray(input)) {
    input.forEach((item, index) => rejectUnstorableText(item, [...path, String(index)]));
    return;
  }
  if (Object.getPrototypeOf(input) !== Object.prototype && Object.getPrototypeOf(input) !== null) return; // File, Date, …
  for (const [key, value] of Object.entries(input)) {
    const problem = unstorable(key);
    if (problem) throw ValidationError.field(field(), `has a property name that ${problem}`);
    rejectUnstorableText(value, [...path, key]);
  }
}

/** FormData to a plain object; repeated keys become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

/**
 * The revision an edit form or API client loaded. Edits based on an older revision are refused
 * with a ConflictError carrying the current state, never applied over someone else's save.
 * A blank value is missing, not revision 0 (Number('') would be 0).
 */
export const expectedRevision = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number({ error: 'revision is missing: reload the page and try again' }).int('revision must be a whole number').min(0, 'revision must be 0 or more'),
);
