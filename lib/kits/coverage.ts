// Live feedback for a kit being built: minutes against the target, which questions assess each
// weighted skill and for how long, and warnings. Pure, so the builder runs it in the browser
// on every change and the server runs the same code.
//
// One rule for time, shared with the suggestion (./suggest.ts): a question's minutes count for its
// primary skill only. A secondary tag still counts the skill as assessed (the interviewer may hear
// evidence of it), but the time is spent on the primary skill — so the minutes per skill add up to
// at most the plan's total, and "time in proportion to the weight" means the same here and there.

export interface CoverageItem {
  key: string;
  title: string;
  minutes: number;
  primarySkillId: string;
  skillIds: string[];
}

export interface CoverageWeight {
  skillId: string;
  name: string;
  weight: number;
}

export interface SkillCoverage extends CoverageWeight {
  /** Questions whose primary skill this is, or that are tagged with it (`primary: false`). */
  questions: { key: string; title: string; primary: boolean }[];
  /** Minutes of the questions whose primary skill this is. */
  minutes: number;
}

export type CoverageWarning =
  | { kind: 'uncovered_skill'; skillId: string; message: string }
  | { kind: 'unweighted_question'; key: string; message: string }
  | { kind: 'over_time'; message: string };

export interface Coverage {
  totalMinutes: number;
  targetMinutes: number;
  skills: SkillCoverage[];
  /** Share of the total weight assessed by at least one question, 0–1. */
  weightCovered: number;
  warnings: CoverageWarning[];
}

export function computeCoverage(input: { targetMinutes: number; weights: CoverageWeight[]; items: CoverageItem[] }): Coverage {
  const totalMinutes = input.items.reduce((sum, item) => sum + item.minutes, 0);
  const weighted = new Set(input.weights.map((w) => w.skillId));
  const skills: SkillCoverage[] = input.weights
    .map((w) => {
      const assessing = input.items.filter((item) => item.skillIds.includes(w.skillId) || item.primarySkillId === w.skillId);
      return {
        ...w,
        questions: assessing.map((item) => ({ key: item.key, title: item.title, primary: item.primarySkillId === w.skillId })),
        minutes: assessing.filter((item) => item.primarySkillId === w.skillId).reduce((sum, item) => sum + item.minutes, 0),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  const totalWeight = input.weights.reduce((sum, w) => sum + w.weight, 0);
  const coveredWeight = skills.filter((s) => s.questions.length > 0).reduce((sum, s) => sum + s.weight, 0);

  const warnings: CoverageWarning[] = [];
  for (const s of skills) {
    if (s.questions.length === 0) warnings.push({ kind: 'uncovered_skill', skillId: s.skillId, message: `No question assesses ${s.name} (weight ${s.weight}).` });
  }
  for (const item of input.items) {
    if (![item.primarySkillId, ...item.skillIds].some((id) => weighted.has(id))) {
      warnings.push({ kind: 'unweighted_question', key: item.key, message: `“${item.title}” assesses no skill this kit weighs.` });
    }
  }
  if (totalMinutes > input.targetMinutes) {
    warnings.push({ kind: 'over_time', message: `The plan runs ${totalMinutes - input.targetMinutes} min over the ${input.targetMinutes}-minute target.` });
  }
  return { totalMinutes, targetMinutes: input.targetMinutes, skills, weightCovered: totalWeight ? coveredWeight / totalWeight : 0, warnings };
}
