'use client';
import { useActionState, useState, useTransition } from 'react';
import { ConflictNotice, FormMessage, SelectField, SubmitButton, TextAreaField, TextField, fieldError } from '@/app/_components/form';
import { useBrowserTimeZone } from '@/app/_components/local-time';
import { buttonClass } from '@/app/_components/ui';
import type { CandidateDetails } from '@/lib/candidates/queries';
import type { ActionState } from '@/lib/http';
import type { InterviewSchedule } from '@/lib/interviews/queries';
import { panelQualificationWarning, type PanelRoleValue } from '@/lib/interviews/schemas';
import {
  applyToOpeningAction,
  cancelInterviewAction,
  createCandidateAction,
  type NewCandidateState,
  moveApplicationAction,
  reopenScorecardAction,
  rescheduleInterviewAction,
  scheduleInterviewAction,
  updateCandidateAction,
} from './actions';
import { PanelPicker, rolesOfPanel } from './panel-picker';

export function NewCandidateForm({ openings }: { openings: { id: string; title: string }[] }) {
  const [state, action] = useActionState(createCandidateAction, { status: 'idle' } as NewCandidateState);
  const values = state.values;
  return (
    <form key={state.submission ?? 'initial'} action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField label="Name" name="name" id="c-name" required defaultValue={values?.name} error={fieldError(state, 'name')} />
      <TextField label="Email" name="email" id="c-email" type="email" required defaultValue={values?.email} error={fieldError(state, 'email')} />
      <TextField label="Location" name="location" id="c-location" defaultValue={values?.location} error={fieldError(state, 'location')} />
      <TextField label="Source" name="source" id="c-source" defaultValue={values?.source} error={fieldError(state, 'source')} hint="Referral, LinkedIn, careers page…" />
      <SelectField label="Apply to opening" name="openingId" id="c-opening" defaultValue={values?.openingId ?? ''} error={fieldError(state, 'openingId')}>
        <option value="">No opening yet</option>
        {openings.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Adding…">Add candidate</SubmitButton>
    </form>
  );
}

export function ApplyToOpeningForm({ candidateId, openings }: { candidateId: string; openings: { id: string; title: string }[] }) {
  const [state, action] = useActionState(applyToOpeningAction, { status: 'idle' } as ActionState);
  if (openings.length === 0) return <p className="text-sm text-slate-600">No other open openings to apply to.</p>;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="candidateId" value={candidateId} />
      <SelectField name="openingId" id="apply-opening" label="Opening to apply to" error={fieldError(state, 'openingId')} defaultValue="">
        <option value="" disabled>
          Choose an open opening
        </option>
        {openings.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Applying…">Apply to opening</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function MoveApplicationForm({ applicationId, stage, label }: { applicationId: string; stage: string; label: string }) {
  const [state, action] = useActionState(moveApplicationAction, { status: 'idle' } as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <label htmlFor={`stage-${applicationId}`} className="text-sm">
        Stage for {label}
      </label>
      <select id={`stage-${applicationId}`} name="stage" defaultValue={stage} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {['active', 'hired', 'rejected', 'withdrawn'].map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Moving…" className="py-1">
        Move
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Schedules one stage of an application. Every field is controlled, so a refused schedule (a
 * time the clocks skip, no panel…) keeps the date, time, length and panel that were typed. The
 * time is the browser's wall clock, sent with its zone (named under the field) for the server to
 * turn into an instant.
 */
export function ScheduleInterviewForm({
  applicationId,
  stages,
  members,
  qualifiedByKit,
  defaultStageId,
  openingId,
}: {
  applicationId: string;
  stages: { id: string; name: string; durationMinutes: number; kitId: string | null }[];
  members: { userId: string; name: string }[];
  /** Per kit, the members qualified for it: the warning shows before submit. */
  qualifiedByKit: Record<string, string[]>;
  /** The stage to start from, e.g. the application's current one on the opening page. */
  defaultStageId?: string | null;
  /** Set when scheduled from the opening page, which is then the page refreshed. */
  openingId?: string;
}) {
  const [state, action, pending] = useActionState(scheduleInterviewAction, { status: 'idle' } as ActionState);
  const [, startSubmit] = useTransition();
  const timeZone = useBrowserTimeZone();
  const [stageId, setStageId] = useState(() => (stages.some((s) => s.id === defaultStageId) ? defaultStageId! : (stages[0]?.id ?? '')));
  const [when, setWhen] = useState('');
  const [minutes, setMinutes] = useState(() => String(stages.find((s) => s.id === stageId)?.durationMinutes ?? 60));
  const [panel, setPanel] = useState<string[]>([]);
  const [roles, setRoles] = useState<Record<string, PanelRoleValue>>({});
  const stageKitId = stages.find((s) => s.id === stageId)?.kitId ?? null;
  const id = (name: string) => `i-${name}-${applicationId}`;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        // Submitted by hand, not through `action=`: React resets a form after its action runs,
        // which unticks controlled checkboxes (the panel) that a refused schedule must keep.
        e.preventDefault();
        const formData = new FormData(e.currentTarget);
        startSubmit(() => action(formData));
      }}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {openingId ? <input type="hidden" name="openingId" value={openingId} /> : null}
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Stage"
          name="openingStageId"
          id={id('stage')}
          value={stageId}
          onChange={(e) => {
            setStageId(e.target.value);
            // A stage brings its own length; a length typed for the previous stage would rarely fit.
            setMinutes(String(stages.find((s) => s.id === e.target.value)?.durationMinutes ?? minutes));
          }}
          error={fieldError(state, 'openingStageId')}
        >
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Date and time"
          name="scheduledAt"
          id={id('when')}
          type="datetime-local"
          required
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          hint={`Times in ${timeZone}`}
          error={fieldError(state, 'scheduledAt') ?? fieldError(state, 'timeZone')}
        />
        <TextField label="Minutes" name="durationMinutes" id={id('min')} type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={fieldError(state, 'durationMinutes')} />
      </div>
      <PanelPicker
        idPrefix={id('panel')}
        named
        members={members}
        panel={panel}
        roles={roles}
        onPanelChange={setPanel}
        onRolesChange={setRoles}
        panelError={fieldError(state, 'panelUserIds')}
        rolesError={fieldError(state, 'panelRoles')}
        warning={stageKitId ? panelQualificationWarning(panel, roles, qualifiedByKit[stageKitId] ?? []) : null}
      />
      <PendingButton pending={pending} pendingText="Scheduling…">
        Schedule interview
      </PendingButton>
    </form>
  );
}

export function ReopenScorecardForm({ scorecardId, interviewer }: { scorecardId: string; interviewer: string }) {
  const [state, action] = useActionState(reopenScorecardAction, { status: 'idle' } as ActionState);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">Reopen {interviewer}’s scorecard</summary>
      <form action={action} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="scorecardId" value={scorecardId} />
        <FormMessage state={state} />
        <TextField label="Reason (kept with the scorecard)" name="reason" id={`reason-${scorecardId}`} required error={fieldError(state, 'reason')} />
        <SubmitButton variant="secondary" pendingText="Reopening…" className="py-1 text-xs">
          Reopen scorecard
        </SubmitButton>
      </form>
    </details>
  );
}

/** A plain submit button for forms that call their action from a transition. */
function PendingButton({ pending, children, pendingText, variant = 'primary' }: { pending: boolean; children: string; pendingText: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)}>
      {pending ? pendingText : children}
    </button>
  );
}

const editable = (c: CandidateDetails) => ({ name: c.name, email: c.email, phone: c.phone ?? '', location: c.location ?? '', source: c.source ?? '', notes: c.notes });

/**
 * Edits a candidate's details. Fields are controlled so nothing typed is lost on an error; a
 * save refused because someone else saved first offers their version or keeping these changes.
 */
export function EditCandidateForm({ candidate }: { candidate: CandidateDetails }) {
  const [values, setValues] = useState(() => editable(candidate));
  const [revision, setRevision] = useState(candidate.revision);
  const [state, setState] = useState<ActionState<CandidateDetails>>({ status: 'idle' });
  const [pending, start] = useTransition();
  const conflict = state.status === 'error' && state.current ? (state.current as CandidateDetails) : null;
  const field = (name: keyof ReturnType<typeof editable>) => ({
    name,
    id: `edit-${name}`,
    value: values[name],
    error: fieldError(state, name),
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }),
  });
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await updateCandidateAction({ candidateId: candidate.id, revision, ...values });
          setState(result);
          if (result.status === 'success' && result.data) {
            setRevision(result.data.revision);
            setValues(editable(result.data));
          }
        });
      }}
    >
      {conflict ? (
        <ConflictNotice
          message={state.status === 'error' ? state.message : ''}
          onLoadTheirs={() => {
            setValues(editable(conflict));
            setRevision(conflict.revision);
            setState({ status: 'idle' });
          }}
          onKeepMine={() => {
            setRevision(conflict.revision);
            setState({ status: 'idle' });
          }}
        />
      ) : (
        <FormMessage state={state} />
      )}
      <TextField label="Name" required {...field('name')} />
      <TextField label="Email" type="email" required {...field('email')} />
      <TextField label="Phone" type="tel" {...field('phone')} />
      <TextField label="Location" {...field('location')} />
      <TextField label="Source" hint="Referral, LinkedIn, careers page…" {...field('source')} />
      <TextAreaField label="Notes" rows={3} {...field('notes')} />
      <PendingButton pending={pending} pendingText="Saving…">
        Save details
      </PendingButton>
    </form>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the browser's local `datetime-local` value. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * Rescheduling and cancelling one interview. The forms render only once opened, in the browser,
 * so the time shows in the viewer's own time zone. Both are based on the interview's revision; a
 * change made elsewhere meanwhile is reported, not overwritten.
 */
export function InterviewChanges({
  candidateId,
  interview,
  label,
  members,
  qualifiedUserIds,
}: {
  candidateId: string;
  interview: InterviewSchedule;
  label: string;
  members: { userId: string; name: string }[];
  /** Members qualified for the interview's kit, so the form warns as the panel changes. */
  qualifiedUserIds?: string[];
}) {
  const [open, setOpen] = useState(false);
  const [schedule, setSchedule] = useState(interview);
  const [done, setDone] = useState('');
  if (interview.status === 'cancelled' || schedule.status === 'cancelled') {
    return done ? (
      <p role="status" className="mt-1 text-sm text-green-800">
        {done}
      </p>
    ) : null;
  }
  return (
    <details className="mt-1" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        Reschedule or cancel<span className="sr-only"> {label}</span>
      </summary>
      {open ? (
        <div className="mt-2 grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <RescheduleForm candidateId={candidateId} schedule={schedule} members={members} qualifiedUserIds={qualifiedUserIds} onChange={setSchedule} />
          <CancelForm
            candidateId={candidateId}
            schedule={schedule}
            onCancelled={(next, message) => {
              setDone(message);
              setSchedule(next);
            }}
            onStale={setSchedule}
          />
        </div>
      ) : null}
    </details>
  );
}

/** The fields are this form's own; the revision is the shared schedule's (onChange keeps it current). */
function RescheduleForm({
  candidateId,
  schedule,
  members,
  qualifiedUserIds,
  onChange,
}: {
  candidateId: string;
  schedule: InterviewSchedule;
  members: { userId: string; name: string }[];
  qualifiedUserIds?: string[];
  onChange: (schedule: InterviewSchedule) => void;
}) {
  const [when, setWhen] = useState(() => toLocalInput(schedule.scheduledAt));
  // The wall clock is sent with this zone; the server resolves daylight saving as when scheduling.
  const timeZone = useBrowserTimeZone();
  const [minutes, setMinutes] = useState(String(schedule.durationMinutes));
  // Only current members can be on a panel; someone who left the organization drops off on save.
  const listed = (userIds: string[]) => userIds.filter((u) => members.some((m) => m.userId === u));
  const [panel, setPanel] = useState(() => listed(schedule.panelUserIds));
  const [roles, setRoles] = useState<Record<string, PanelRoleValue>>(() => schedule.panelRoles);
  const [state, setState] = useState<ActionState<InterviewSchedule>>({ status: 'idle' });
  const [pending, start] = useTransition();
  const conflict = state.status === 'error' && state.current ? (state.current as InterviewSchedule) : null;
  const id = (name: string) => `${name}-${schedule.id}`;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await rescheduleInterviewAction({ interviewId: schedule.id, revision: schedule.revision, scheduledAt: when, timeZone, durationMinutes: minutes, panelUserIds: panel, panelRoles: rolesOfPanel(panel, roles) }, candidateId);
          setState(result);
          if (result.status === 'success' && result.data) onChange(result.data);
        });
      }}
    >
      <h4 className="text-sm font-semibold">Reschedule</h4>
      {conflict ? (
        <ConflictNotice
          message={state.status === 'error' ? state.message : ''}
          onLoadTheirs={() => {
            setWhen(toLocalInput(conflict.scheduledAt));
            setMinutes(String(conflict.durationMinutes));
            setPanel(listed(conflict.panelUserIds));
            setRoles(conflict.panelRoles);
            onChange(conflict);
            setState({ status: 'idle' });
          }}
          onKeepMine={() => {
            onChange(conflict);
            setState({ status: 'idle' });
          }}
        />
      ) : (
        <FormMessage state={state} />
      )}
      <TextField label="New date and time" name="scheduledAt" id={id('when')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} hint={`Times in ${timeZone}`} error={fieldError(state, 'scheduledAt') ?? fieldError(state, 'timeZone')} />
      <TextField label="Minutes" name="durationMinutes" id={id('minutes')} type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={fieldError(state, 'durationMinutes')} />
      <PanelPicker
        idPrefix={id('panel')}
        members={members}
        panel={panel}
        roles={roles}
        onPanelChange={setPanel}
        onRolesChange={setRoles}
        panelError={fieldError(state, 'panelUserIds')}
        rolesError={fieldError(state, 'panelRoles')}
        warning={qualifiedUserIds ? panelQualificationWarning(panel, roles, qualifiedUserIds) : (schedule.warnings[0] ?? null)}
      />
      <PendingButton pending={pending} pendingText="Saving…" variant="secondary">
        Save new time and panel
      </PendingButton>
    </form>
  );
}

function CancelForm({
  candidateId,
  schedule,
  onCancelled,
  onStale,
}: {
  candidateId: string;
  schedule: InterviewSchedule;
  onCancelled: (schedule: InterviewSchedule, message: string) => void;
  onStale: (schedule: InterviewSchedule) => void;
}) {
  const [reason, setReason] = useState('');
  const [state, setState] = useState<ActionState<InterviewSchedule>>({ status: 'idle' });
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await cancelInterviewAction({ interviewId: schedule.id, revision: schedule.revision, reason }, candidateId);
          setState(result);
          if (result.status === 'success' && result.data) onCancelled(result.data, result.message ?? 'Interview cancelled.');
          // Changed elsewhere (but not cancelled): show it, and cancel on the current revision next time.
          else if (result.status === 'error' && result.current && (result.current as InterviewSchedule).status !== 'cancelled') onStale(result.current as InterviewSchedule);
        });
      }}
    >
      <h4 className="text-sm font-semibold">Cancel</h4>
      <FormMessage state={state} />
      <TextField label="Reason for cancelling" name="reason" id={`reason-${schedule.id}`} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(state, 'reason')} hint="Shown on the candidate’s timeline." />
      <PendingButton pending={pending} pendingText="Cancelling…" variant="danger">
        Cancel interview
      </PendingButton>
    </form>
  );
}
