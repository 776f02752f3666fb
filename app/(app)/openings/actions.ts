'use server';
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { createOpening, updateOpening } from '@/lib/openings/mutations';

export async function createOpeningAction(input: Record<string, unknown>): Promise<ActionState<{ openingId: string }>> {
  const state = await runMemberAction<{ openingId: string }>(input, async (ctx, data) => ({ status: 'success', data: await createOpening(ctx, data) }), '/openings');
  if (state.status === 'success' && state.data) redirect(`/openings/${state.data.openingId}`);
  return state;
}

export async function updateOpeningAction(input: Record<string, unknown>): Promise<ActionState<{ openingId: string; revision: number }>> {
  const state = await runMemberAction<{ openingId: string; revision: number }>(input, async (ctx, data) => ({ status: 'success', data: await updateOpening(ctx, data) }), '/openings');
  if (state.status === 'success' && state.data) redirect(`/openings/${state.data.openingId}`);
  return state;
}
