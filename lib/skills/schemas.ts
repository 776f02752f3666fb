// Input schemas for the organization's own skills and categories; safe to import in the browser.
import { z } from 'zod';

const Name = z.string({ error: 'Enter a name' }).trim().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters');
const Description = z.string().trim().max(500, 'Use at most 500 characters').default('');

export const CreateSkillCategoryInput = z.object({ name: Name, description: Description });
export const CreateSkillInput = z.object({ categoryId: z.uuid({ error: 'Choose a category' }), name: Name, description: Description });
export const SkillIdInput = z.object({ skillId: z.uuid({ error: 'Skill is not a valid id' }) });
