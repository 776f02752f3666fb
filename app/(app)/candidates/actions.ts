'use server';
import { redirect } from 'next/navigation';
import { runMemberAction } from '@/app/_lib/member-action';
import { applyToOpening, type CandidateImportPreview, createCandidate, importCandidates, moveApplication, previewCandidateImport, updateCandidate } from '@/lib/candidates/mutations';
import type { CandidateDetails } from '@/lib/candidates/queries';
import type { ActionState } from '@/lib/http';
import { cancelInterview, rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import type { InterviewSchedule } from '@/lib/interviews/queries';
import { reopenScorecard } from '@/lib/scorecards/mutations';
import { plural } from '@/lib/text';

/** The new-candidate form's fields exactly as submitted, so a refused add shows them again. */
export type NewCandidateValues = Record<'name' | 'email' | 'location' | 'source' | 'openingId', string>;
export type NewCandidateState = ActionState<{ candidateId: string }> & { values?: NewCandidateValues; submission?: number };

export async function createCandidateAction(_prev: NewCandidateState, formData: FormData): Promise<NewCandidateState> {
  const state = await runMemberAction<{ candidateId: string }>(formData, async (ctx, input) => ({ status: 'success', data: await createCandidate(ctx, input) }), '/candidates');
  if (state.status === 'success' && state.data) redirect(`/candidates/${state.data.candidateId}`);
  const text = (name: string) => String(formData.get(name) ?? '');
  // React resets a form once its action returns; the form remounts (submission) with these values.
  return { ...state, values: { name: text('name'), email: text('email'), location: text('location'), source: text('source'), openingId: text('openingId') }, submission: Date.now() };
}

export async function applyToOpeningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => (await applyToOpening(ctx, input), 'Application added.'), candidatePath(formData.get('candidateId')));
}

export async function moveApplicationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runMemberAction(formData, async (ctx, input) => {
    const moved = await moveApplication(ctx, input);
    return `Moved to ${moved.stage}.`;
  }, '/candidates');
}

/** The form's one select per panelist, "panelRole:<userId>", as the panelRoles map the schema reads. */
function withPanelRoles(input: Record<string, unknown>): Record<string, unknown> {
  const panelRoles: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('panelRole:')) panelRoles[key.slice('panelRole:'.length)] = value;
    else rest[key] = value;
  }
  const panel = new Set([rest.panelUserIds ?? []].flat());
  // Selects of members left unticked are not part of the panel.
  return { ...rest, panelRoles: Object.fromEntries(Object.entries(panelRoles).filter(([u]) => panel.has(u))) };
}

export async function scheduleInterviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // The form sends the typed wall-clock time with the browser's zone; scheduleInterview turns it into an instant.
  const from = formData.get('openingId');
  return runMemberAction(
    formData,
    async (ctx, input) => {
      const { warnings } = await scheduleInterview(ctx, withPanelRoles(input));
      return ['Interview scheduled. The panel sees it under My interviews.', ...warnings].join(' ');
    },
    typeof from === 'string' && UUID.test(from) ? `/openings/${from}` : '/candidates',
  );
}

export async function previewCandidateImportAction(input: { content: string; openingId?: string }) {
  return runMemberAction<CandidateImportPreview>(input, async (ctx, data) => ({ status: 'success', data: await previewCandidateImport(ctx, data) }));
}

export async function importCandidatesAction(input: { content: string; openingId?: string }) {
  return runMemberAction<{ created: number }>(input, async (ctx, data) => {
    const result = await importCandidates(ctx, data);
    return { status: 'success', message: `Imported ${plural(result.created, 'candidate')}.`, data: result };
  }, '/candidates');
}

export async function reopenScorecardAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // No revalidation: the reopened scorecard would vanish from this list together with the confirmation.
  return runMemberAction(formData, async (ctx, input) => (await reopenScorecard(ctx, input), 'Scorecard reopened; its author can edit it again.'));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The candidate page to refresh after a change; the id comes from the browser, so only ever a well-formed one. */
const candidatePath = (candidateId: unknown) => (typeof candidateId === 'string' && UUID.test(candidateId) ? `/candidates/${candidateId}` : '/candidates');

/** Forms below call these with a plain object (controlled fields survive an error or a conflict). */
export async function updateCandidateAction(input: Record<string, unknown>): Promise<ActionState<CandidateDetails>> {
  return runMemberAction<CandidateDetails>(input, async (ctx, data) => ({ status: 'success', message: 'Candidate saved.', data: await updateCandidate(ctx, data) }), candidatePath(input.candidateId));
}

export async function rescheduleInterviewAction(input: Record<string, unknown>, candidateId: string): Promise<ActionState<InterviewSchedule>> {
  return runMemberAction<InterviewSchedule>(
    input,
    async (ctx, data) => ({ status: 'success', message: 'Interview rescheduled. The panel sees the new time under My interviews.', data: await rescheduleInterview(ctx, data) }),
    candidatePath(candidateId),
  );
}

export async function cancelInterviewAction(input: Record<string, unknown>, candidateId: string): Promise<ActionState<InterviewSchedule>> {
  return runMemberAction<InterviewSchedule>(
    input,
    async (ctx, data) => ({ status: 'success', message: 'Interview cancelled. It no longer appears under the panel’s interviews.', data: await cancelInterview(ctx, data) }),
    candidatePath(candidateId),
  );
}
