import { describe, expect, it } from 'vitest';
import { computeCoverage } from '@/lib/kits/coverage';
import { type SuggestionCandidate, suggestKit } from '@/lib/kits/suggest';

describe('kit coverage', () => {
  const weights = [
    { skillId: 'api', name: 'API security', weight: 30 },
    { skillId: 'sql', name: 'SQL', weight: 20 },
    { skillId: 'git', name: 'Git', weight: 10 },
  ];
  it('counts questions and minutes per weighted skill and warns about gaps and overruns', () => {
    const coverage = computeCoverage({
      targetMinutes: 30,
      weights,
      items: [
        { key: 'a', title: 'IDOR', minutes: 15, primarySkillId: 'api', skillIds: ['api', 'sql'] },
        { key: 'b', title: 'Joins', minutes: 10, primarySkillId: 'sql', skillIds: ['sql'] },
        { key: 'c', title: 'Docker', minutes: 10, primarySkillId: 'docker', skillIds: ['docker'] },
      ],
    });
    expect(coverage.totalMinutes).toBe(35);
    expect(coverage.skills.map((s) => [s.skillId, s.questions.length, s.minutes])).toEqual([
      ['api', 1, 15],
      ['sql', 2, 10],
      ['git', 0, 0],
    ]);
    expect(coverage.weightCovered).toBeCloseTo(50 / 60);
    expect(coverage.warnings.map((w) => w.kind)).toEqual(['uncovered_skill', 'unweighted_question', 'over_time']);
    expect(coverage.warnings[2]!.message).toContain('5 min over');
  });

  it('gives a question’s minutes to its primary skill only, as the suggestion counts them', () => {
    const items = [
      { key: 'a', title: 'IDOR', minutes: 15, primarySkillId: 'api', skillIds: ['api', 'sql', 'git'] },
      { key: 'b', title: 'Joins', minutes: 10, primarySkillId: 'sql', skillIds: ['sql', 'api'] },
    ];
    const coverage = computeCoverage({ targetMinutes: 60, weights, items });
    const bySkill = Object.fromEntries(coverage.skills.map((s) => [s.skillId, s]));
    expect(bySkill.api!.minutes).toBe(15);
    expect(bySkill.sql!.minutes).toBe(10);
    // Tagged only: assessed (counts for coverage), but no time of its own.
    expect(bySkill.git!.minutes).toBe(0);
    expect(bySkill.git!.questions).toEqual([{ key: 'a', title: 'IDOR', primary: false }]);
    expect(coverage.weightCovered).toBe(1);
    // Minutes per skill never add up to more than the plan.
    expect(coverage.skills.reduce((sum, s) => sum + s.minutes, 0)).toBe(coverage.totalMinutes);
  });
});

describe('kit suggestion', () => {
  const candidates: SuggestionCandidate[] = [
    { questionId: 'q1', versionId: 'v1', title: 'Rate limiting', minutes: 40, level: 'senior', primarySkillId: 'api', skillIds: ['api', 'scale'] },
    { questionId: 'q2', versionId: 'v2', title: 'IDOR', minutes: 10, level: 'junior', primarySkillId: 'api', skillIds: ['api'] },
    { questionId: 'q3', versionId: 'v3', title: 'CSRF', minutes: 15, level: 'mid', primarySkillId: 'api', skillIds: ['api'] },
    { questionId: 'q4', versionId: 'v4', title: 'Index choice', minutes: 15, level: 'mid', primarySkillId: 'sql', skillIds: ['sql'] },
    { questionId: 'q5', versionId: 'v5', title: 'Rebase or merge', minutes: 10, level: 'mid', primarySkillId: 'git', skillIds: ['git'] },
    { questionId: 'q6', versionId: 'v6', title: 'Kubernetes probes', minutes: 10, level: 'mid', primarySkillId: 'k8s', skillIds: ['k8s'] },
  ];
  const weights = [
    { skillId: 'api', name: 'API security', weight: 40 },
    { skillId: 'sql', name: 'SQL', weight: 30 },
    { skillId: 'git', name: 'Git', weight: 10 },
  ];

  it('never exceeds the budget, covers every coverable skill, prefers the level and explains itself', () => {
    const picked = suggestKit({ level: 'mid', budgetMinutes: 45, weights, candidates });
    const minutes = picked.reduce((s, p) => s + p.candidate.minutes, 0);
    expect(minutes).toBeLessThanOrEqual(45);
    const covered = new Set(picked.flatMap((p) => [p.candidate.primarySkillId, ...p.candidate.skillIds]));
    for (const w of weights) expect(covered.has(w.skillId)).toBe(true);
    expect(picked[0]!.candidate.title).toBe('CSRF'); // mid-level beats the shorter junior question
    expect(picked.map((p) => p.candidate.questionId)).not.toContain('q6'); // unweighted skill
    expect(picked[0]!.reason).toBe('Added for API security (50% of the weight) — 15 min');
  });

  it('is deterministic whatever the input order', () => {
    const a = suggestKit({ level: 'mid', budgetMinutes: 60, weights, candidates });
    const b = suggestKit({ level: 'mid', budgetMinutes: 60, weights: [...weights].reverse(), candidates: [...candidates].reverse() });
    expect(b.map((p) => p.candidate.questionId)).toEqual(a.map((p) => p.candidate.questionId));
  });

  it('respects tiny budgets', () => {
    expect(suggestKit({ level: 'mid', budgetMinutes: 5, weights, candidates })).toEqual([]);
    for (let budget = 5; budget <= 120; budget += 5) {
      const picked = suggestKit({ level: 'senior', budgetMinutes: budget, weights, candidates });
      expect(picked.reduce((s, p) => s + p.candidate.minutes, 0)).toBeLessThanOrEqual(budget);
    }
  });
});
