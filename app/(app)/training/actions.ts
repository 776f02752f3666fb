'use server';
// Thin adapters over lib/training: samples are managed from the question page, exercises rated
// at /training/[sampleId].
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import type { ActionState } from '@/lib/http';
import { createSample, rateSample, setSampleArchived, updateSample } from '@/lib/training/mutations';
import type { SampleForManagers } from '@/lib/training/queries';

export type SampleActionState = ActionState<SampleForManagers>;

/** Adds a sample (no sampleId) or edits one (sampleId and the revision it was based on); the form keeps its own values. */
export async function saveSampleAction(input: Record<string, unknown>): Promise<SampleActionState> {
  const questionId = typeof input.questionId === 'string' ? input.questionId : '';
  return runMemberAction<SampleForManagers>(
    input,
    async (ctx, data) => {
      const sample = data.sampleId ? await updateSample(ctx, data) : await createSample(ctx, data);
      return { status: 'success', message: data.sampleId ? 'Sample saved.' : 'Sample added.', data: sample };
    },
    `/questions/${questionId}`,
  );
}

export async function setSampleArchivedAction(input: { questionId: string; sampleId: string; revision: number; archived: boolean }): Promise<SampleActionState> {
  return runMemberAction<SampleForManagers>(
    input,
    async (ctx, data) => {
      const sample = await setSampleArchived(ctx, data);
      return { status: 'success', message: sample.archived ? 'Sample archived: it is offered to nobody and counts in no figure.' : 'Sample restored.', data: sample };
    },
    `/questions/${input.questionId}`,
  );
}

export type RateSampleState = ActionState;

export async function rateSampleAction(_prev: RateSampleState, formData: FormData): Promise<RateSampleState> {
  const sampleId = String(formData.get('sampleId') ?? '');
  const state = await runMemberAction(formData, async (ctx, input) => {
    await rateSample(ctx, input);
    return { status: 'success' };
  }, '/training');
  // The page re-reads the exercise, which now carries the result (the form keeps its own values on an error).
  if (state.status === 'success') redirect(`/training/${encodeURIComponent(sampleId)}`);
  return state;
}
