import 'server-only';
// The comparison grid as CSV: the rows and order the page shows for the same stage and sort, one
// row per candidate, and per skill its mean, n, lowest and highest rating (two number columns: a
// range written "2-3" becomes a date in spreadsheets) and whether raters split.
import type { Ctx } from '../context';
import { toCsv } from '../csv';
import { gridView, isRanked } from './grid-view';
import { getOpeningGrid } from './queries';
import { getOpening } from '../openings/queries';

export async function exportOpeningGridCsv(ctx: Ctx, openingId: unknown, options: { stage?: string; sort?: string } = {}): Promise<{ csv: string; filename: string }> {
  const [grid, { opening }] = await Promise.all([getOpeningGrid(ctx, openingId), getOpening(ctx, openingId)]);
  const view = gridView(grid, options);
  const fields = [
    'candidate',
    'stage',
    'composite',
    'coverage',
    'evidence',
    'decision',
    'strong_yes',
    'yes',
    'no',
    'strong_no',
    ...grid.skills.flatMap((s) => {
      const name = `${s.name} (weight ${s.weight})`;
      return [`${name} mean`, `${name} n`, `${name} lowest`, `${name} highest`, `${name} split`];
    }),
  ];
  const data = [...view.ranked, ...view.incomplete].map((c) => [
    c.name,
    c.stage,
    c.composite === null ? '' : c.composite.toFixed(2),
    c.coverage.toFixed(2),
    isRanked(c) ? 'complete' : 'incomplete',
    c.decision?.outcome ?? '',
    c.recommendations.strong_yes,
    c.recommendations.yes,
    c.recommendations.no,
    c.recommendations.strong_no,
    ...grid.skills.flatMap((s) => {
      const cell = c.cells[s.skillId];
      return cell ? [cell.mean.toFixed(2), cell.n, cell.min, cell.max, cell.disagreement ? 'yes' : 'no'] : ['', 0, '', '', ''];
    }),
  ]);
  const date = new Date().toISOString().slice(0, 10);
  const slug = opening.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'opening';
  return { csv: toCsv({ fields, data }), filename: `comparison-${slug}${view.stage === 'all' ? '' : `-${view.stage}`}-${date}.csv` };
}
