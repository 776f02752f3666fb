// "Suggest a kit": choose questions that maximise weighted skill coverage within a time budget,
// preferring the kit's level. Deterministic (every tie is broken by stable keys) and explained.
//
// Phase 1 covers each weighted skill, heaviest first, with the question that adds the most
// uncovered weight per minute. Phase 2 spends what time is left on the best remaining value
// per minute, where a skill already covered counts for a quarter (depth, with diminishing returns).
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

const LEVEL_ORDER: Level[] = ['junior', 'mid', 'senior', 'staff'];

function levelFactor(question: Level, wanted: Level): number {
  const distance = Math.abs(LEVEL_ORDER.indexOf(question) - LEVEL_ORDER.indexOf(wanted));
  return distance === 0 ? 1 : distance === 1 ? 0.5 : 0.25;
}

export function suggestKit(input: {
  level: Level;
  budgetMinutes: number;
  weights: { skillId: string; name: string; weight: number }[];
  candidates: SuggestionCandidate[];
}): Suggestion[] {
  const weightOf = new Map(input.weights.map((w) => [w.skillId, w.weight]));
  const nameOf = new Map(input.weights.map((w) => [w.skillId, w.name]));
  const skillsOf = (c: SuggestionCandidate) => [...new Set([c.primarySkillId, ...c.skillIds])].filter((id) => weightOf.has(id));
  const pool = input.candidates
    .filter((c) => c.minutes > 0 && skillsOf(c).length > 0)
    .sort((a, b) => a.questionId.localeCompare(b.questionId));
  const covered = new Map<string, number>();
  const chosen: Suggestion[] = [];
  const used = new Set<string>();
  let remaining = input.budgetMinutes;

  const value = (c: SuggestionCandidate, onlyUncovered: boolean) =>
    skillsOf(c).reduce((sum, id) => {
      const base = weightOf.get(id)! * (id === c.primarySkillId ? 1 : 0.5);
      if (covered.has(id)) return onlyUncovered ? sum : sum + base * 0.25;
      return sum + base;
    }, 0) * levelFactor(c.level, input.level);

  const better = (a: { score: number; c: SuggestionCandidate }, b: { score: number; c: SuggestionCandidate } | undefined) =>
    !b || a.score > b.score + 1e-9 || (Math.abs(a.score - b.score) <= 1e-9 && (a.c.minutes < b.c.minutes || (a.c.minutes === b.c.minutes && a.c.questionId < b.c.questionId)));

  const take = (c: SuggestionCandidate, why: string) => {
    const newly = skillsOf(c).filter((id) => !covered.has(id));
    for (const id of skillsOf(c)) covered.set(id, (covered.get(id) ?? 0) + 1);
    used.add(c.questionId);
    remaining -= c.minutes;
    const names = (newly.length ? newly : skillsOf(c)).map((id) => nameOf.get(id)!).join(', ');
    chosen.push({ candidate: c, reason: `${why} ${names} — ${c.minutes} min${c.level === input.level ? '' : `, ${c.level}-level`}` });
  };

  // Phase 1: every weighted skill, heaviest first.
  const skillsByWeight = [...input.weights].sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId));
  for (const skill of skillsByWeight) {
    if (covered.has(skill.skillId)) continue;
    let best: { score: number; c: SuggestionCandidate } | undefined;
    for (const c of pool) {
      if (used.has(c.questionId) || c.minutes > remaining || !skillsOf(c).includes(skill.skillId)) continue;
      const candidate = { score: value(c, true) / c.minutes, c };
      if (better(candidate, best)) best = candidate;
    }
    if (best) take(best.c, 'Added because it covers');
  }

  // Phase 2: depth on the heaviest skills with the time left.
  for (;;) {
    let best: { score: number; c: SuggestionCandidate } | undefined;
    for (const c of pool) {
      if (used.has(c.questionId) || c.minutes > remaining) continue;
      const candidate = { score: value(c, false) / c.minutes, c };
      if (candidate.score > 0 && better(candidate, best)) best = candidate;
    }
    if (!best) break;
    take(best.c, 'Added for more evidence on');
  }
  return chosen;
}
