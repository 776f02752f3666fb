'use server';
// Server action that sends (or re-sends) a candidate's self-identification link: a thin adapter
// over lib/fairness/self-identification. The link comes back once so the sender can copy it.
import { runMemberAction } from '@/app/_lib/member-action';
import { sendSelfIdentificationLink } from '@/lib/fairness/self-identification';
import type { ActionState } from '@/lib/http';

export async function sendSelfIdentificationLinkAction(_prev: ActionState<{ url: string }>, formData: FormData): Promise<ActionState<{ url: string }>> {
  const candidateId = formData.get('candidateId');
  const path = typeof candidateId === 'string' && /^[0-9a-f-]{36}$/i.test(candidateId) ? `/candidates/${candidateId}` : undefined;
  return runMemberAction<{ url: string }>(
    formData,
    async (ctx, input) => {
      const { url } = await sendSelfIdentificationLink(ctx, input);
      return { status: 'success', message: 'Link sent by e-mail. You can also copy it below.', data: { url } };
    },
    path,
  );
}
