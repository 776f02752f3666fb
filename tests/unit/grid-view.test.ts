// The comparison grid's filter, order and wording — shared by the page and the CSV export.
import { describe, expect, it } from 'vitest';
import { describeRecommendations, gridView } from '@/lib/dashboard/grid-view';
import type { GridCandidate, OpeningGrid } from '@/lib/dashboard/queries';

function candidate(name: string, composite: number | null, coverage: number, stage: GridCandidate['stage'] = 'active', sqlMean?: number): GridCandidate {
  return {
    candidateId: name,
    applicationId: name,
    name,
    blind: false,
    stage,
    composite,
    coverage,
    recommendations: { strong_no: 0, no: 0, yes: 0, strong_yes: 0 },
    cells: sqlMean === undefined ? {} : { sql: { mean: sqlMean, n: 2, min: 1, max: 4, sd: 1, disagreement: true } },
    decision: null,
  };
}

const grid: OpeningGrid = {
  skills: [{ skillId: 'sql', name: 'SQL', weight: 60 }],
  hiddenCandidates: 0,
  candidates: [candidate('Ana', 3.1, 1), candidate('Ben', 3.6, 0.4, 'active', 3.6), candidate('Cy', 2.5, 0.7, 'hired', 2), candidate('Di', null, 0)],
};

describe('gridView', () => {
  it('ranks complete evidence by composite and lists incomplete evidence apart', () => {
    const view = gridView(grid, {});
    expect(view.ranked.map((c) => c.name)).toEqual(['Ana', 'Cy']); // Ben's 3.6 covers 40% of the weight
    expect(view.incomplete.map((c) => c.name)).toEqual(['Ben', 'Di']);
    expect([view.stage, view.sort]).toEqual(['all', 'composite']);
  });

  it('filters by stage, sorts by a skill, and ignores values it does not know', () => {
    expect(gridView(grid, { stage: 'hired' }).ranked.map((c) => c.name)).toEqual(['Cy']);
    expect(gridView(grid, { sort: 'sql' }).incomplete.map((c) => c.name)).toEqual(['Ben', 'Di']);
    expect(gridView(grid, { stage: 'nope', sort: 'drop table' })).toMatchObject({ stage: 'all', sort: 'composite' });
    const byName = gridView(grid, { sort: 'name' });
    expect(byName.ranked.map((c) => c.name)).toEqual(['Ana', 'Ben', 'Cy', 'Di']);
    expect(byName.incomplete).toEqual([]);
  });
});

describe('describeRecommendations', () => {
  it('says the recommendations in words and leaves zeros out', () => {
    expect(describeRecommendations({ strong_no: 0, no: 1, yes: 1, strong_yes: 0 })).toBe('1 yes · 1 no');
    expect(describeRecommendations({ strong_no: 1, no: 0, yes: 0, strong_yes: 2 })).toBe('2 strong yes · 1 strong no');
    expect(describeRecommendations({ strong_no: 0, no: 0, yes: 0, strong_yes: 0 })).toBe('none yet');
  });
});
