'use server';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { saveSsoSettings, testSsoConnection } from '@/lib/sso/settings';

export async function saveSsoSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await saveSsoSettings(ctx, input), 'Single sign-on settings saved.'), '/settings/sso');
}

/** Discovery only: fetches the issuer's metadata with the typed values and says what it found. */
export async function testSsoConnectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => {
    const found = await testSsoConnection(ctx, input);
    return `Connected: ${found.issuer} answers, sign-in goes to ${found.authorizationEndpoint}.`;
  });
}
