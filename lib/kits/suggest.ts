// "Suggest a kit": fill the time budget so each weighted skill gets minutes in proportion to its
// weight, with questions whose primary skill is one of the kit's weighted skills, at the kit's
// level first (nearest levels when the bank is short). Deterministic: ties break on stable ids.
//
// First every weighted skill gets one question (keeping time back for the lighter ones); then,
// greedy by deficit, each step serves the skill furthest below its share of the budget with its
// best-fitting question (nearest level, then the longest that does not overshoot what the skill still lacks).
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
  const deficit = (skillId: string) => target.get(skillId)! - allocated.get(skillId)!;
  const byFit = (lacking: number) => (a: SuggestionCandidate, b: SuggestionCandidate) =>
    levelDistance(a.level, input.level) - levelDistance(b.level, input.level) ||
    // Rather the longest question that stays within what the skill lacks than one that overshoots:
    // overshooting one skill takes the time another still needs.
    Math.max(a.minutes - lacking, 0) - Math.max(b.minutes - lacking, 0) ||
    Math.abs(a.minutes - lacking) - Math.abs(b.minutes - lacking) ||
    a.minutes - b.minutes ||
    a.questionId.localeCompare(b.questionId);
  const take = (skill: (typeof weights)[number], c: SuggestionCandidate) => {
    used.add(c.questionId);
    allocated.set(skill.skillId, allocated.get(skill.skillId)! + c.minutes);
    remaining -= c.minutes;
    const share = Math.round((skill.weight / totalWeight) * 100);
    const levelNote = c.level === input.level ? '' : `, ${c.level}-level (nearest available)`;
    chosen.push({ candidate: c, reason: `Added for ${skill.name} (${share}% of the weight) — ${c.minutes} min${levelNote}` });
  };
  const shortest = (skillId: string) => Math.min(...poolOf.get(skillId)!.filter((c) => !used.has(c.questionId)).map((c) => c.minutes));

  // Phase 1: one question for every weighted skill the plan does not assess yet, heaviest first,
  // keeping back enough time for the shortest question of each skill still waiting, so a light
  // skill is not left out because heavier ones took the whole budget.
  const uncovered = [...weights].filter((w) => allocated.get(w.skillId) === 0).sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId));
  for (const [index, skill] of uncovered.entries()) {
    const reserve = uncovered.slice(index + 1).reduce((sum, w) => sum + (Number.isFinite(shortest(w.skillId)) ? shortest(w.skillId) : 0), 0);
    const best = poolOf
      .get(skill.skillId)!
      .filter((c) => !used.has(c.questionId) && c.minutes <= remaining - reserve)
      .sort(byFit(Math.max(deficit(skill.skillId), 0)))[0];
    if (best) take(skill, best);
  }

  // Phase 2: serve the skill furthest below its share until nothing fits.
  const exhausted = new Set<string>();
  for (;;) {
    const skill = weights
      .filter((w) => !exhausted.has(w.skillId))
      .sort((a, b) => deficit(b.skillId) - deficit(a.skillId) || b.weight - a.weight || a.skillId.localeCompare(b.skillId))[0];
    if (!skill) break;
    const lacking = Math.max(deficit(skill.skillId), 0);
    // Only questions that bring the skill closer to its share (overshooting it by less than it
    // lacks); among those the nearest level. A skill with none left is done.
    const best = poolOf
      .get(skill.skillId)!
      .filter((c) => !used.has(c.questionId) && c.minutes <= remaining && c.minutes - lacking < lacking)
      .sort(byFit(lacking))[0];
    if (!best) {
      exhausted.add(skill.skillId);
      continue;
    }
    take(skill, best);
  }
  return chosen;
}
