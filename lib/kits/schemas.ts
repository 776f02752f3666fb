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

export const SaveKitDraftInput = z.object({
  kitId: KitId,
  /** The draft revision the editor loaded; a newer one means someone else saved meanwhile. */
  revision: z.coerce.number().int().min(0),
  ...KitMeta,
  description: z.string().trim().max(2000, 'Use at most 2000 characters').default(''),
  weights: z
    .array(SkillWeightInput)
    .max(40, 'At most 40 weighted skills')
    .refine((ws) => new Set(ws.map((w) => w.skillId)).size === ws.length, 'Each skill can be weighted once'),
  sections: z.array(KitSectionInput).min(1, 'Keep at least one section').max(20, 'At most 20 sections'),
});
export type SaveKitDraftInput = z.input<typeof SaveKitDraftInput>;

export const KitIdInput = z.object({ kitId: KitId });
export const PublishKitInput = z.object({ kitId: KitId, revision: z.coerce.number().int().min(0) });

export const SuggestKitInput = z.object({
  level: z.enum(LEVELS),
  budgetMinutes: z.coerce.number().int().min(5).max(600),
  weights: z.array(SkillWeightInput).min(1, 'Weight at least one skill to get a suggestion'),
});
