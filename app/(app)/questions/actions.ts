'use server';
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { archiveQuestion, copyQuestionToOrganization, createQuestion, restoreQuestion, updateQuestion } from '@/lib/questions/mutations';
import { type QuestionFormValues, formDataToQuestionFormValues } from '@/lib/questions/form-values';
import { type ImportPreview, importQuestions, previewQuestionImport } from '@/lib/questions/transfer';

export async function copyQuestionAction(_prev: ActionState<{ questionId: string }>, formData: FormData): Promise<ActionState<{ questionId: string }>> {
  const state = await runMemberAction(formData, async (ctx, input) => {
    const { questionId } = await copyQuestionToOrganization(ctx, input);
    return { status: 'success', data: { questionId } };
  }, '/questions');
  if (state.status === 'success' && state.data) redirect(`/questions/${state.data.questionId}`);
  return state;
}

/**
 * Form state of the question form. `values` are the fields exactly as submitted, so the form shows
 * what the person typed after an error instead of resetting to the stored version; `submission`
 * changes on every answer so the form remounts with those values.
 */
export type QuestionFormState = ActionState<{ questionId: string }> & { values?: QuestionFormValues; submission?: number };

export async function saveQuestionAction(_prev: QuestionFormState, formData: FormData): Promise<QuestionFormState> {
  let unchanged = false;
  const state = await runMemberAction(formData, async (ctx, input) => {
    if (!input.questionId) {
      const created = await createQuestion(ctx, input);
      return { status: 'success', data: { questionId: created.questionId } };
    }
    const saved = await updateQuestion(ctx, input);
    unchanged = !saved.changed;
    return { status: 'success', data: { questionId: saved.questionId } };
  }, '/questions');
  if (state.status === 'success' && state.data) redirect(`/questions/${state.data.questionId}?${unchanged ? 'unchanged=1' : 'saved=1'}`);
  return { ...state, values: formDataToQuestionFormValues(formData), submission: Date.now() };
}

export async function setQuestionArchivedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => {
    if (input.archive === 'true') {
      await archiveQuestion(ctx, input);
      return 'Question archived. It stays in kits that use it.';
    }
    await restoreQuestion(ctx, input);
    return 'Question restored.';
  }, '/questions');
}

export async function previewQuestionImportAction(input: { format: string; content: string }) {
  return runMemberAction<ImportPreview>(input, async (ctx, data) => ({ status: 'success', data: await previewQuestionImport(ctx, data) }));
}

export async function importQuestionsAction(input: { format: string; content: string }) {
  return runMemberAction<{ create: number; update: number; unchanged: number }>(input, async (ctx, data) => {
    const counts = await importQuestions(ctx, data);
    return { status: 'success', message: `Imported: ${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged.`, data: counts };
  }, '/questions');
}
