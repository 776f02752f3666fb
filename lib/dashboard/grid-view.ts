// How the comparison grid is filtered, ordered and worded — one place for the page and the CSV
// export, so the file a recruiter downloads is the table they were looking at.
import type { GridCandidate, OpeningGrid } from './queries';

export const GRID_STAGES = ['all', 'active', 'hired', 'rejected', 'withdrawn'] as const;
export type GridStage = (typeof GRID_STAGES)[number];

/**
 * A composite over less than this share of the opening's weight is not ranked with the others: a
 * 3.4 from two of six skills is not comparable with a 3.1 from all six. Such candidates are listed
 * after the ranked ones, marked "incomplete evidence".
 */
export const RANKED_COVERAGE = 0.7;

export interface GridView {
  /** The filter and sort actually applied (unknown values fall back to the defaults). */
  stage: GridStage;
  sort: string;
  ranked: GridCandidate[];
  incomplete: GridCandidate[];
}

export function isRanked(c: Pick<GridCandidate, 'coverage' | 'composite'>): boolean {
  return c.composite !== null && c.coverage >= RANKED_COVERAGE;
}

export function gridView(grid: OpeningGrid, options: { stage?: string; sort?: string }): GridView {
  const stage = (GRID_STAGES as readonly string[]).includes(options.stage ?? '') ? (options.stage as GridStage) : 'all';
  const sortable = new Set(['name', 'composite', ...grid.skills.map((s) => s.skillId)]);
  const sort = options.sort && sortable.has(options.sort) ? options.sort : 'composite';
  const compare = (a: GridCandidate, b: GridCandidate) => {
    if (sort === 'name') return a.name.localeCompare(b.name);
    const score = (c: GridCandidate) => (sort === 'composite' ? c.composite : (c.cells[sort]?.mean ?? null)) ?? -1;
    return score(b) - score(a) || a.name.localeCompare(b.name);
  };
  const rows = grid.candidates.filter((c) => stage === 'all' || c.stage === stage).sort(compare);
  // Sorting by name lists everyone together; a ranking by score keeps incomplete evidence apart.
  if (sort === 'name') return { stage, sort, ranked: rows, incomplete: [] };
  return { stage, sort, ranked: rows.filter(isRanked), incomplete: rows.filter((c) => !isRanked(c)) };
}

const RECOMMENDATION_WORDS = [
  ['strong_yes', 'strong yes'],
  ['yes', 'yes'],
  ['no', 'no'],
  ['strong_no', 'strong no'],
] as const;

/** "2 strong yes · 1 no": the panel's recommendations in words, zeros left out. */
export function describeRecommendations(r: GridCandidate['recommendations']): string {
  const parts = RECOMMENDATION_WORDS.filter(([key]) => r[key] > 0).map(([key, words]) => `${r[key]} ${words}`);
  return parts.length ? parts.join(' · ') : 'none yet';
}
