// The live page's local draft: the scorecard as a flat map of fields, the patch an autosave
// sends, and the three-way merge that runs when the server answers 409. Pure and browser-safe.
//
// A field is "dirty" when the local value differs from the base (the last server state this
// browser saw). On a 409 the server's current state arrives: fields only this browser changed
// keep the local value, fields only the server changed take the server's, and fields both
// changed differently become conflicts — the local text is kept until the person chooses.
import type { Recommendation, SkillRatingValue } from './schemas';

export type FieldValue = string | number | null;
export type Flat = Record<string, FieldValue>;

export interface ScorecardValues {
  notes: Record<string, string>;
  questionRatings: Record<string, 1 | 2 | 3 | 4 | null>;
  ratings: Record<string, Exclude<SkillRatingValue, null>>;
  recommendation: Recommendation | null;
  summary: string;
}

export function flatten(v: ScorecardValues): Flat {
  const flat: Flat = { recommendation: v.recommendation, summary: v.summary };
  for (const [id, body] of Object.entries(v.notes)) flat[`note:${id}`] = body;
  for (const [id, rating] of Object.entries(v.questionRatings)) flat[`qr:${id}`] = rating;
  for (const [id, rating] of Object.entries(v.ratings)) flat[`rating:${id}`] = rating;
  return flat;
}

/** Missing keys mean "empty" (no note, no rating). */
export function valueOf(flat: Flat, key: string): FieldValue {
  if (key in flat) return flat[key] ?? null;
  return key.startsWith('note:') || key === 'summary' ? '' : null;
}

export function dirtyKeys(base: Flat, local: Flat): string[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(local)]);
  return [...keys].filter((k) => valueOf(base, k) !== valueOf(local, k)).sort();
}

export interface ScorecardPatch {
  notes?: Record<string, string>;
  questionRatings?: Record<string, 1 | 2 | 3 | 4 | null>;
  ratings?: Record<string, SkillRatingValue>;
  recommendation?: Recommendation | null;
  summary?: string;
}

export function toPatch(local: Flat, keys: string[]): ScorecardPatch {
  const patch: ScorecardPatch = {};
  for (const key of keys) {
    const value = valueOf(local, key);
    if (key === 'summary') patch.summary = String(value ?? '');
    else if (key === 'recommendation') patch.recommendation = value as Recommendation | null;
    else if (key.startsWith('note:')) (patch.notes ??= {})[key.slice(5)] = String(value ?? '');
    else if (key.startsWith('qr:')) (patch.questionRatings ??= {})[key.slice(3)] = value as 1 | 2 | 3 | 4 | null;
    else if (key.startsWith('rating:')) (patch.ratings ??= {})[key.slice(7)] = value as SkillRatingValue;
  }
  return patch;
}

export interface Conflict {
  key: string;
  mine: FieldValue;
  theirs: FieldValue;
}

export function mergeWithServer(base: Flat, local: Flat, server: Flat): { local: Flat; conflicts: Conflict[] } {
  const merged: Flat = { ...server };
  const conflicts: Conflict[] = [];
  for (const key of dirtyKeys(base, local)) {
    const mine = valueOf(local, key);
    const theirs = valueOf(server, key);
    const original = valueOf(base, key);
    merged[key] = mine;
    if (theirs !== original && theirs !== mine) conflicts.push({ key, mine, theirs });
  }
  return { local: merged, conflicts };
}

/** "Keep both" for two texts: nothing either side wrote is dropped. */
export function keepBoth(mine: FieldValue, theirs: FieldValue): string {
  return `${String(theirs ?? '')}\n\n— from your other session —\n${String(mine ?? '')}`;
}

/** The flat map's keys, spelt in one place. */
export const fieldKey = {
  note: (kitItemId: string) => `note:${kitItemId}`,
  questionRating: (kitItemId: string) => `qr:${kitItemId}`,
  skillRating: (skillId: string) => `rating:${skillId}`,
};

/** A field as a person reads it, e.g. in the conflict panel: `Notes on “Idempotent payments”`. */
export function fieldLabel(key: string, names: { questionTitle: (kitItemId: string) => string | undefined; skillName: (skillId: string) => string | undefined }): string {
  if (key.startsWith('note:')) return `Notes on “${names.questionTitle(key.slice(5)) ?? 'a question'}”`;
  if (key.startsWith('rating:')) return `Rating for ${names.skillName(key.slice(7)) ?? 'a skill'}`;
  if (key.startsWith('qr:')) return `Rating of “${names.questionTitle(key.slice(3)) ?? 'a question'}”`;
  return key === 'summary' ? 'Summary' : 'Recommendation';
}
