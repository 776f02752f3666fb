'use server';
// Server actions for the API keys tab: thin adapters over lib/api-keys.
import { runMemberAction } from '@/app/_lib/member-action';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/mutations';
import type { ActionState } from '@/lib/http';

export type CreateApiKeyState = ActionState<{ token: string; name: string; prefix: string }>;

export async function createApiKeyAction(_prev: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  return runMemberAction(
    formData,
    async (ctx, input) => {
      const key = await createApiKey(ctx, input);
      return { status: 'success', message: `API key “${key.name}” created.`, data: { token: key.token, name: key.name, prefix: key.prefix } };
    },
    '/settings/api-keys',
  );
}

export async function revokeApiKeyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await revokeApiKey(ctx, input), 'API key revoked.'), '/settings/api-keys');
}
