// Finding 4 of the security review: exported cells starting with = + - @ ran as formulas in a
// spreadsheet (a candidate named `=HYPERLINK(…)`). Every CSV goes through lib/csv.ts now.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, unescapeCsvCell } from '@/lib/csv';
import { parseQuestionFile, type QuestionFileEntry, questionsToCsv } from '@/lib/questions/file-format';

const FORMULAS = ['=HYPERLINK("http://evil.example","Click")', '=1+1\nsecond line', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

describe('CSV formula escaping', () => {
  it('prefixes every formula-looking cell, header or value, with a quote', () => {
    const csv = toCsv({ fields: ['name', '=skill'], data: FORMULAS.map((f) => [f, 'ok']) });
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[0]).toEqual(['name', "'=skill"]);
    for (const [index, formula] of FORMULAS.entries()) expect(rows[index + 1]![0]).toBe(`'${formula}`);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('round-trips a question whose texts start with formula characters', () => {
    const entry: QuestionFileEntry = {
      title: '=Design a rate limiter',
      prompt: '- Explain token buckets\n- and leaky buckets to me',
      kind: 'technical',
      level: 'mid',
      expectedMinutes: 10,
      primarySkill: 'rest-api-design',
      secondarySkills: [],
      listenFor: ['+ mentions burst capacity'],
      redFlags: ['@everyone style broadcast'],
      followUps: [],
      rubric: { '1': '-1 no idea at all', '2': 'Some idea, vague', '3': 'Solid answer here', '4': 'Excellent, with trade-offs' },
      status: 'active',
    };
    const csv = questionsToCsv([entry]);
    const cells = Papa.parse<string[]>(csv).data.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${entry.prompt}`); // multi-line cells too
    const parsed = parseQuestionFile('csv', csv);
    expect(parsed.ok).toBe(true);
    expect(parsed.entries[0]?.entry).toMatchObject({ title: entry.title, prompt: entry.prompt, listenFor: entry.listenFor, redFlags: entry.redFlags, rubric: entry.rubric });
    expect(unescapeCsvCell("'plain")).toBe("'plain");
  });
});
