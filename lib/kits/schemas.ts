// Input schemas for interview kits; safe to import in the browser.
import { z } from 'zod';
import { LEVELS } from '../questions/schemas';

const KitId = z.uuid({ error: 'Kit is not a valid id' });

const KitMeta = {
  name: z.string({ error: 'Enter a name' }).trim().min(3, 'Use at least 3 characters').max(120, 'Use at most 120 characters'),
  roleTitle: z.string({ error: 'Enter the role title' }).trim().min(2, 'Use at least 2 characters').max(120, 'Use at most 120 characters'),
  level: z.enum(LEVELS, { error: 'Choose a level' }),
  targetMinutes: z.coerce.number({ error: 'Enter the target minutes' }).int('Use whole minutes').min(5, 'At least 5 minutes').max(600, 'At most 600 minutes'),
};

export const CreateKitInput = z.object({
  ...KitMeta,
  description: z.string().trim().max(2000).default(''),
  /** Start empty, from a template, or as a copy of another kit (its latest version). */
  sourceKitId: z.preprocess((v) => (v === '' ? undefined : v), KitId.optional()),
});
export type CreateKitInput = z.input<typeof CreateKitInput>;

export const SkillWeightInput = z.object({
  skillId: z.uuid({ error: 'skill is not a valid id' }),
  weight: z.coerce.number().int('Use whole numbers').min(1, 'Weights are 1–100').max(100, 'Weights are 1–100'),
});

export const KitItemInput = z.object({
  questionVersionId: z.uuid({ error: 'question is not a valid id' }),
  minutes: z.coerce.number().int('Use whole minutes').min(1, 'At least 1 minute').max(240, 'At most 240 minutes'),
});

export const KitSectionInput = z.object({
  title: z.string().trim().min(1, 'Name the section').max(120, 'Use at most 120 characters'),
  items: z.array(KitItemInput).max(60, 'At most 60 questions per section'),
});

/** The editable content of a draft: details, weights and the plan, saved whole. */
export const KitDraftContent = z.object({
  ...KitMeta,
  description: z.string().trim().max(2000, 'Use at most 2000 characters').default(''),
  weights: z
    .array(SkillWeightInput)
    .max(40, 'At most 40 weighted skills')
    .refine((ws) => new Set(ws.map((w) => w.skillId)).size === ws.length, 'Each skill can be weighted once'),
  sections: z.array(KitSectionInput).min(1, 'Keep at least one section').max(20, 'At most 20 sections'),
});
export type KitDraftContent = z.input<typeof KitDraftContent>;

export const SaveKitDraftInput = z.object({
  kitId: KitId,
  /** The draft revision the editor loaded; a newer one means someone else saved meanwhile. */
  revision: z.coerce.number().int().min(0),
  ...KitDraftContent.shape,
});
export type SaveKitDraftInput = z.input<typeof SaveKitDraftInput>;

export const KitIdInput = z.object({ kitId: KitId });
/**
 * Publishing checks the revision like a save; with `draft` it saves that content and publishes it
 * in one transaction, so a refused publish leaves the draft (and its revision) as it was.
 */
export const PublishKitInput = z.object({ kitId: KitId, revision: z.coerce.number().int().min(0), draft: KitDraftContent.optional() });
export type PublishKitInput = z.input<typeof PublishKitInput>;

export const SuggestKitInput = z.object({
  level: z.enum(LEVELS),
  budgetMinutes: z.coerce.number().int().min(5).max(600),
  weights: z.array(SkillWeightInput).min(1, 'Weight at least one skill to get a suggestion'),
  /** The plan's current questions: a suggestion adds to them (empty when the user chose "Replace"). */
  existing: z
    .array(
      z.object({
        questionId: z.uuid({ error: 'question is not a valid id' }),
        primarySkillId: z.uuid({ error: 'skill is not a valid id' }),
        minutes: z.coerce.number().int().min(0).max(240),
      }),
    )
    .max(1200)
    .default([]),
});

/** A question as the kit builder shows it; search rows, suggestions and plan items share it. */
export interface KitQuestionSummary {
  questionId: string;
  questionVersionId: string;
  title: string;
  minutes: number;
  level: string;
  kind: string;
  primarySkillId: string;
  skillIds: string[];
}

/** Mark (qualified true) or unmark a member as qualified to interview with a kit. */
export const SetKitQualificationInput = z.object({
  kitId: KitId,
  userId: z.uuid({ error: 'Choose a member' }),
  qualified: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'qualified must be true or false' })),
});
export type SetKitQualificationInput = z.input<typeof SetKitQualificationInput>;
