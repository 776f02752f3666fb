import 'server-only';
// The comparison grid as CSV: one row per candidate, a mean/n/range column group per skill.
import type { Ctx } from '../context';
import { toCsv } from '../csv';
import { getOpeningGrid } from './queries';

export async function exportOpeningGridCsv(ctx: Ctx, openingId: unknown): Promise<string> {
  const grid = await getOpeningGrid(ctx, openingId);
  const fields = ['candidate', 'stage', 'composite', 'coverage', 'strong_no', 'no', 'yes', 'strong_yes', ...grid.skills.flatMap((s) => [`${s.name} mean`, `${s.name} n`, `${s.name} range`])];
  const data = grid.candidates.map((c) => [
    c.name,
    c.stage,
    c.composite === null ? '' : c.composite.toFixed(2),
    c.coverage.toFixed(2),
    c.recommendations.strong_no,
    c.recommendations.no,
    c.recommendations.yes,
    c.recommendations.strong_yes,
    ...grid.skills.flatMap((s) => {
      const cell = c.cells[s.skillId];
      return cell ? [cell.mean.toFixed(2), cell.n, `${cell.min}-${cell.max}`] : ['', 0, ''];
    }),
  ]);
  return toCsv({ fields, data });
}
