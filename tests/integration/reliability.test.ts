// Krippendorff's alpha (ordinal) in SQL, checked against the worked example in Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, values 1–5, missing data.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ordinalAlphaSql, reliabilityBand } from '@/lib/dashboard/reliability';
import { queryRows } from '@/lib/sql';
import { setupTestDatabase } from './support/database';

const t = setupTestDatabase({ isolation: 'transaction' });

// Rows are observers A–D, columns units 1–12; null = no rating.
const EXAMPLE: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function observations(data: (number | null)[][], grp = 'example') {
  const rows = data.flatMap((observer) => observer.flatMap((value, unit) => (value === null ? [] : [sql`(${grp}, ${unit + 1}, ${value})`])));
  return sql`select grp, unit, value from (values ${sql.join(rows, sql`, `)}) as v(grp, unit, value)`;
}

describe("Krippendorff's alpha (ordinal)", () => {
  it('reproduces the published worked example', async () => {
    const [row] = await queryRows<{ grp: string; alpha: number; pairable_values: number; units: number }>(t.db, ordinalAlphaSql(observations(EXAMPLE)));
    expect(row!.pairable_values).toBe(40); // unit 12 has a single value and drops out
    expect(row!.units).toBe(11);
    expect(Number(row!.alpha)).toBeCloseTo(0.815, 3);
  });

  it('is 1 for perfect agreement and computes per group', async () => {
    const agree = observations([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ], 'agree');
    const rows = await queryRows<{ grp: string; alpha: number }>(t.db, ordinalAlphaSql(sql`${agree} union all ${observations(EXAMPLE)}`));
    const byGroup = Object.fromEntries(rows.map((r) => [r.grp, Number(r.alpha)]));
    expect(byGroup.agree).toBeCloseTo(1, 10);
    expect(byGroup.example).toBeCloseTo(0.815, 3);
  });

  it('bands results honestly', () => {
    expect(reliabilityBand(0.815, 40, 11)).toBe('good');
    expect(reliabilityBand(0.95, 40, 11)).toBe('excellent');
    expect(reliabilityBand(0.6, 12, 4)).toBe('moderate');
    expect(reliabilityBand(0.3, 12, 4)).toBe('poor');
    expect(reliabilityBand(0.9, 4, 2)).toBe('not enough data');
    expect(reliabilityBand(null, 40, 11)).toBe('not enough data');
  });
});
