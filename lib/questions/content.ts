// Conversions between the shapes a question's content takes: a stored version row, a file entry
// (skills by slug, rubric keyed "1"–"4") and the QuestionContent that writes accept.
import type { QuestionVersion } from '@/db/schema';
import type { QuestionFileEntry } from './file-format';
import type { QuestionContent } from './schemas';

export function versionToContent(v: QuestionVersion, secondarySkillIds: string[]): QuestionContent {
  return {
    title: v.title,
    prompt: v.prompt,
    kind: v.kind,
    level: v.level,
    expectedMinutes: v.expectedMinutes,
    primarySkillId: v.primarySkillId,
    secondarySkillIds,
    listenFor: v.listenFor,
    redFlags: v.redFlags,
    followUps: v.followUps,
    rubric1: v.rubric1,
    rubric2: v.rubric2,
    rubric3: v.rubric3,
    rubric4: v.rubric4,
  };
}

export function entryToContent(
  entry: Omit<QuestionFileEntry, 'id' | 'status' | 'primarySkill' | 'secondarySkills'>,
  skills: { primarySkillId: string; secondarySkillIds: string[] },
): QuestionContent {
  return {
    title: entry.title,
    prompt: entry.prompt,
    kind: entry.kind,
    level: entry.level,
    expectedMinutes: entry.expectedMinutes,
    ...skills,
    listenFor: entry.listenFor,
    redFlags: entry.redFlags,
    followUps: entry.followUps,
    rubric1: entry.rubric['1'],
    rubric2: entry.rubric['2'],
    rubric3: entry.rubric['3'],
    rubric4: entry.rubric['4'],
  };
}

/**
 * Whether two contents would save as the same version. Secondary skills are a set (order,
 * repeats and the primary skill among them do not count), as the version stores them.
 */
export function sameContent(a: QuestionContent, b: QuestionContent): boolean {
  const norm = (c: QuestionContent) =>
    JSON.stringify({ ...c, secondarySkillIds: [...new Set(c.secondarySkillIds.filter((id) => id !== c.primarySkillId))].sort() });
  return norm(a) === norm(b);
}
