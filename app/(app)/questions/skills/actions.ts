'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { archiveSkill, createSkill, createSkillCategory } from '@/lib/skills/mutations';

export async function createSkillCategoryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => `Category “${(await createSkillCategory(ctx, input)).name}” added.`, '/questions/skills');
}

export async function createSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => `Skill “${(await createSkill(ctx, input)).name}” added.`, '/questions/skills');
}

export async function archiveSkillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await archiveSkill(ctx, input), 'Skill archived.'), '/questions/skills');
}
