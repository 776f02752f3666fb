'use server';
// Server actions for the kit builder: thin adapters over lib/kits and the bank search.
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { createKit, publishKit, saveKitDraft, type SuggestedItem, startKitDraft, suggestKitQuestions } from '@/lib/kits/mutations';
import { type QuestionSearchRow, searchQuestions } from '@/lib/questions/queries';
import { importKit, type KitImportPreview, previewKitImport } from '@/lib/kits/transfer';
import { setKitQualification } from '@/lib/kits/qualifications';

export async function createKitAction(_prev: ActionState<{ kitId: string }>, formData: FormData): Promise<ActionState<{ kitId: string }>> {
  const state = await runMemberAction<{ kitId: string }>(formData, async (ctx, input) => {
    const { kitId } = await createKit(ctx, input);
    return { status: 'success', data: { kitId } };
  }, '/kits');
  if (state.status === 'success' && state.data) redirect(`/kits/${state.data.kitId}/edit`);
  return state;
}

export async function startKitDraftAction(formData: FormData): Promise<void> {
  const state = await runMemberAction<{ kitId: string }>(formData, async (ctx, input) => {
    const { kitId } = await startKitDraft(ctx, input);
    return { status: 'success', data: { kitId } };
  });
  if (state.status === 'success' && state.data) redirect(`/kits/${state.data.kitId}/edit`);
  redirect(`/kits?error=${encodeURIComponent(state.status === 'error' ? state.message : 'Could not start a draft')}`);
}

export async function searchKitQuestionsAction(input: Record<string, unknown>): Promise<ActionState<{ rows: QuestionSearchRow[]; total: number }>> {
  return runMemberAction(input, async (ctx, filters) => {
    const result = await searchQuestions(ctx, { ...filters, pageSize: 20 });
    return { status: 'success', data: { rows: result.rows, total: result.total } };
  });
}

export async function suggestKitAction(input: Record<string, unknown>): Promise<ActionState<{ items: SuggestedItem[] }>> {
  return runMemberAction(input, async (ctx, data) => ({ status: 'success', data: { items: await suggestKitQuestions(ctx, data) } }));
}

export async function saveKitDraftAction(input: Record<string, unknown>): Promise<ActionState<{ revision: number }>> {
  return runMemberAction(input, async (ctx, data) => {
    const { revision } = await saveKitDraft(ctx, data);
    return { status: 'success', message: 'Draft saved.', data: { revision } };
  });
}

/** Saves the given draft and publishes it in one transaction (lib/kits/mutations publishKit). */
export async function publishKitAction(input: Record<string, unknown>): Promise<ActionState<{ version: number; revision: number }>> {
  const state = await runMemberAction<{ version: number; revision: number }>(input, async (ctx, data) => {
    const { version, revision } = await publishKit(ctx, data);
    return { status: 'success', data: { version, revision } };
  }, '/kits');
  if (state.status === 'success') redirect(`/kits/${String(input.kitId)}?published=${state.data?.version}`);
  return state;
}

export async function previewKitImportAction(input: { content: string }) {
  return runMemberAction<KitImportPreview>(input, async (ctx, data) => ({ status: 'success', data: await previewKitImport(ctx, data) }));
}

export async function importKitAction(input: { content: string }): Promise<ActionState<{ kitId: string }>> {
  const state = await runMemberAction<{ kitId: string }>(input, async (ctx, data) => ({ status: 'success', data: await importKit(ctx, data) }), '/kits');
  if (state.status === 'success' && state.data) redirect(`/kits/${state.data.kitId}/edit`);
  return state;
}

export async function setKitQualificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const kitId = formData.get('kitId');
  return runMemberAction(
    formData,
    async (ctx, input) => {
      const { changed } = await setKitQualification(ctx, input);
      if (input.qualified === 'true') return changed ? 'Marked qualified for this kit.' : 'Already qualified for this kit.';
      return changed ? 'No longer marked qualified for this kit.' : 'Was not marked qualified for this kit.';
    },
    typeof kitId === 'string' && /^[0-9a-f-]{36}$/i.test(kitId) ? `/kits/${kitId}` : undefined,
  );
}
