// "Suggest a kit": fill the time budget so each weighted skill gets minutes in proportion to its
// weight, with questions whose primary skill is one of the kit's weighted skills, at the kit's
// level first (nearest levels when the bank is short). Deterministic: ties break on stable ids.
//
// Greedy by deficit: each step serves the skill furthest below its share of the budget with its
// best-fitting question (nearest level, then the length closest to what the skill still lacks).
// A question is only ever counted for its primary skill, so a question merely tagged with a kit
// skill (a Laravel queue question tagged "message queues") never stands in for it. Questions
// already in the plan count towards their skill's minutes, so a suggestion adds to a plan.
//
// Tolerance: when the bank holds enough questions of sensible lengths (at most ~15 % of the
// budget each), every skill's share of the planned minutes ends within ±10 percentage points of
// its share of the weight (tests/unit/kit-suggest.test.ts checks this).
import type { Level } from '../questions/schemas';

export interface SuggestionCandidate {
  questionId: string;
  versionId: string;
  title: string;
  minutes: number;
  level: Level;
  primarySkillId: string;
  skillIds: string[];
}

export interface Suggestion {
  candidate: SuggestionCandidate;
  reason: string;
}

/** A question already in the plan: its minutes count for its primary skill. */
export interface ExistingPlanItem {
  questionId: string;
  primarySkillId: string;
  minutes: number;
}

const LEVEL_ORDER: Level[] = ['junior', 'mid', 'senior', 'staff'];

export function levelDistance(a: Level, b: Level): number {
  return Math.abs(LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
}

export function suggestKit(input: {
  level: Level;
  budgetMinutes: number;
  weights: { skillId: string; name: string; weight: number }[];
  candidates: SuggestionCandidate[];
  existing?: ExistingPlanItem[];
}): Suggestion[] {
  const weights = input.weights.filter((w) => w.weight > 0);
  const totalWeight = weights.reduce((sum, w) => sum + w.weight, 0);
  if (totalWeight === 0) return [];
  const existing = input.existing ?? [];
  const target = new Map(weights.map((w) => [w.skillId, (input.budgetMinutes * w.weight) / totalWeight]));
  const allocated = new Map(weights.map((w) => [w.skillId, 0]));
  for (const item of existing) if (allocated.has(item.primarySkillId)) allocated.set(item.primarySkillId, allocated.get(item.primarySkillId)! + item.minutes);
  let remaining = input.budgetMinutes - existing.reduce((sum, i) => sum + i.minutes, 0);

  const used = new Set(existing.map((i) => i.questionId));
  const poolOf = new Map<string, SuggestionCandidate[]>(weights.map((w) => [w.skillId, []]));
  for (const c of [...input.candidates].sort((a, b) => a.questionId.localeCompare(b.questionId))) {
    if (c.minutes > 0 && !used.has(c.questionId)) poolOf.get(c.primarySkillId)?.push(c);
  }

  const chosen: Suggestion[] = [];
  const exhausted = new Set<string>();
  const deficit = (skillId: string) => target.get(skillId)! - allocated.get(skillId)!;
  for (;;) {
    // The skill furthest below its share; heavier skills first on a tie, then by id.
    const skill = weights
      .filter((w) => !exhausted.has(w.skillId))
      .sort((a, b) => deficit(b.skillId) - deficit(a.skillId) || b.weight - a.weight || a.skillId.localeCompare(b.skillId))[0];
    if (!skill) break;
    const lacking = Math.max(deficit(skill.skillId), 0);
    const fits = poolOf.get(skill.skillId)!.filter((c) => !used.has(c.questionId) && c.minutes <= remaining);
    // Stop serving a skill that is at its share once nothing fits, or when one more question
    // would push it further past its share than leaving it short does.
    const best = fits.sort(
      (a, b) =>
        levelDistance(a.level, input.level) - levelDistance(b.level, input.level) ||
        Math.abs(a.minutes - lacking) - Math.abs(b.minutes - lacking) ||
        a.minutes - b.minutes ||
        a.questionId.localeCompare(b.questionId),
    )[0];
    if (!best || best.minutes - lacking > lacking) {
      exhausted.add(skill.skillId);
      continue;
    }
    used.add(best.questionId);
    allocated.set(skill.skillId, allocated.get(skill.skillId)! + best.minutes);
    remaining -= best.minutes;
    const share = Math.round((skill.weight / totalWeight) * 100);
    const levelNote = best.level === input.level ? '' : `, ${best.level}-level (nearest available)`;
    chosen.push({ candidate: best, reason: `Added for ${skill.name} (${share}% of the weight) — ${best.minutes} min${levelNote}` });
  }
  return chosen;
}
