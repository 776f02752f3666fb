// Input schemas for API keys; safe to import in the browser.
import { z } from 'zod';
import { PERMISSIONS, type Permission, READ_ONLY_SCOPES, SERVICE_GRANTABLE } from '../auth/permissions';

export const API_KEY_PRESETS = ['read_only', 'custom'] as const;

const Scope = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]], { error: 'is not a permission' }).refine((p) => SERVICE_GRANTABLE.includes(p), {
  error: 'cannot be granted to an API key',
});

/** Browser forms send one value per checkbox, or one string; the API sends an array. */
const ScopeList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(Scope).max(64));

export const CreateApiKeyInput = z
  .object({
    name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
    preset: z.enum(API_KEY_PRESETS, { error: 'Choose read-only or chosen permissions' }).default('custom'),
    scopes: ScopeList.optional(),
    /** Days until the key stops working; empty for no expiry. */
    expiresInDays: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').optional(),
    ),
  })
  .transform((input, zctx) => {
    const scopes = input.preset === 'read_only' ? [...READ_ONLY_SCOPES] : [...new Set(input.scopes ?? [])];
    if (!scopes.length) zctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Choose at least one permission' });
    return { name: input.name, scopes, expiresInDays: input.expiresInDays };
  });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ apiKeyId: z.uuid({ error: 'API key is not a valid id' }) });
