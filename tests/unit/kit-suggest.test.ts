import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SuggestionCandidate, suggestKit } from '@/lib/kits/suggest';
import type { Level } from '@/lib/questions/schemas';

const LEVELS: Level[] = ['junior', 'mid', 'senior', 'staff'];
let seq = 0;
const question = (skill: string, minutes: number, level: Level = 'mid', tags: string[] = []): SuggestionCandidate => {
  const id = `q-${skill}-${String(seq++).padStart(4, '0')}`;
  return { questionId: id, versionId: `v${id}`, title: id, minutes, level, primarySkillId: skill, skillIds: [skill, ...tags] };
};

/** A bank with plenty of 5–15 minute questions per skill at every level. */
const bank = (skills: string[]) => skills.flatMap((s) => LEVELS.flatMap((l) => [5, 10, 10, 15, 15].map((m) => question(s, m, l))));

function shares(result: ReturnType<typeof suggestKit>) {
  const total = result.reduce((sum, r) => sum + r.candidate.minutes, 0);
  const bySkill = new Map<string, number>();
  for (const r of result) bySkill.set(r.candidate.primarySkillId, (bySkill.get(r.candidate.primarySkillId) ?? 0) + r.candidate.minutes);
  return { total, share: (skill: string) => (bySkill.get(skill) ?? 0) / total };
}

describe('suggest a kit', () => {
  it('gives each skill time in proportion to its weight (the reported 30 % / 20 % case)', () => {
    const weights = [
      { skillId: 'go', name: 'Go', weight: 30 },
      { skillId: 'postgres', name: 'PostgreSQL', weight: 20 },
      { skillId: 'design', name: 'System design', weight: 50 },
    ];
    const result = suggestKit({ level: 'senior', budgetMinutes: 90, weights, candidates: bank(['go', 'postgres', 'design']) });
    const { total, share } = shares(result);
    expect(total).toBeLessThanOrEqual(90);
    expect(total).toBeGreaterThanOrEqual(80);
    for (const w of weights) expect(Math.abs(share(w.skillId) - w.weight / 100)).toBeLessThanOrEqual(0.1);
    expect(result.every((r) => r.candidate.level === 'senior')).toBe(true);
    expect(result[0]!.reason).toMatch(/^Added for System design \(50% of the weight\) — \d+ min$/);
  });

  // The stated tolerance: whenever each skill's share of the budget can hold at least one of its
  // shortest questions (5 min here), every skill's share of the minutes is within ±10 points.
  // Below that, a skill still gets its one shortest question, which can exceed its share.
  it('keeps every skill within ±10 points of its weight share for any weights and budget (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 60, max: 240 }), (ws, budget) => {
        const weights = ws.map((weight, i) => ({ skillId: `s${i}`, name: `Skill ${i}`, weight }));
        const total = ws.reduce((a, b) => a + b, 0);
        fc.pre(ws.every((w) => (w / total) * budget >= 5));
        const result = suggestKit({ level: 'mid', budgetMinutes: budget, weights, candidates: bank(weights.map((w) => w.skillId)) });
        const { total: minutes, share } = shares(result);
        expect(minutes).toBeLessThanOrEqual(budget);
        for (const w of weights) expect(Math.abs(share(w.skillId) - w.weight / total)).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('never suggests a question whose primary skill is not weighted, even if it is tagged with one', () => {
    const laravel = question('laravel', 10, 'mid', ['queues']);
    const mongo = question('mongodb', 10, 'mid', ['databases']);
    const result = suggestKit({
      level: 'mid',
      budgetMinutes: 60,
      weights: [
        { skillId: 'queues', name: 'Queues', weight: 50 },
        { skillId: 'databases', name: 'Databases', weight: 50 },
      ],
      candidates: [laravel, mongo, question('queues', 15), question('databases', 15)],
    });
    expect(result.map((r) => r.candidate.primarySkillId).sort()).toEqual(['databases', 'queues']);
  });

  it('prefers the kit level and falls back to the nearest level when the bank is short', () => {
    const candidates = [question('go', 10, 'staff'), question('go', 10, 'junior'), question('go', 10, 'mid'), question('go', 10, 'senior')];
    const result = suggestKit({ level: 'senior', budgetMinutes: 30, weights: [{ skillId: 'go', name: 'Go', weight: 1 }], candidates });
    expect(result.map((r) => r.candidate.level)).toEqual(['senior', 'staff', 'mid']);
    expect(result[1]!.reason).toContain('staff-level (nearest available)');
  });

  it('adds to an existing plan: counts its minutes per skill and never repeats its questions', () => {
    const candidates = bank(['go', 'postgres']);
    const weights = [
      { skillId: 'go', name: 'Go', weight: 50 },
      { skillId: 'postgres', name: 'PostgreSQL', weight: 50 },
    ];
    const goQuestions = candidates.filter((c) => c.primarySkillId === 'go' && c.level === 'mid');
    const existing = goQuestions.slice(0, 3).map((c) => ({ questionId: c.questionId, primarySkillId: 'go', minutes: c.minutes }));
    const planned = existing.reduce((s, e) => s + e.minutes, 0);
    const result = suggestKit({ level: 'mid', budgetMinutes: 60, weights, candidates, existing });
    expect(result.some((r) => existing.some((e) => e.questionId === r.candidate.questionId))).toBe(false);
    const added = result.reduce((s, r) => s + r.candidate.minutes, 0);
    expect(planned + added).toBeLessThanOrEqual(60);
    const postgres = result.filter((r) => r.candidate.primarySkillId === 'postgres').reduce((s, r) => s + r.candidate.minutes, 0);
    expect(postgres).toBeGreaterThanOrEqual(25);
  });

  it('is deterministic whatever the order of weights and candidates', () => {
    const weights = [
      { skillId: 'a', name: 'A', weight: 40 },
      { skillId: 'b', name: 'B', weight: 40 },
      { skillId: 'c', name: 'C', weight: 20 },
    ];
    const candidates = bank(['a', 'b', 'c']);
    const one = suggestKit({ level: 'mid', budgetMinutes: 75, weights, candidates });
    const two = suggestKit({ level: 'mid', budgetMinutes: 75, weights: [...weights].reverse(), candidates: [...candidates].reverse() });
    expect(two.map((r) => r.candidate.questionId)).toEqual(one.map((r) => r.candidate.questionId));
  });
});
