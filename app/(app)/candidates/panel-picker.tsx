'use client';
// The panel of an interview as the schedule and reschedule forms choose it: who sits on it, each
// panelist's role (interviewer, shadow, reverse shadow), and the warning — before submit — when no
// interviewer-role panelist is qualified for the kit. The warning never blocks scheduling.
import { PANEL_ROLE_LABELS, PANEL_ROLES, type PanelRoleValue } from '@/lib/interviews/schemas';

export function PanelPicker({
  idPrefix,
  members,
  panel,
  roles,
  onPanelChange,
  onRolesChange,
  panelError,
  rolesError,
  warning,
  named = false,
}: {
  idPrefix: string;
  members: { userId: string; name: string }[];
  panel: string[];
  roles: Record<string, PanelRoleValue>;
  onPanelChange: (panel: string[]) => void;
  onRolesChange: (roles: Record<string, PanelRoleValue>) => void;
  panelError?: string;
  rolesError?: string;
  /** Null when a qualified interviewer sits on the panel, or the kit is unknown. */
  warning: string | null;
  /** Give the inputs names, for forms submitted as FormData. */
  named?: boolean;
}) {
  const errorId = `${idPrefix}-panel-error`;
  const warningId = `${idPrefix}-panel-warning`;
  const describedBy = [panelError || rolesError ? errorId : null, warning ? warningId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium">Panel</legend>
      <p className="text-xs text-slate-600">Shadows and reverse shadows are trainees: their scorecards are kept but never count.</p>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {members.map((m) => {
          const onPanel = panel.includes(m.userId);
          const checkboxId = `${idPrefix}-member-${m.userId}`;
          return (
            <li key={m.userId} className="flex flex-wrap items-center gap-2 text-sm">
              <input
                type="checkbox"
                id={checkboxId}
                name={named ? 'panelUserIds' : undefined}
                value={m.userId}
                className="size-4"
                checked={onPanel}
                onChange={(e) => onPanelChange(e.target.checked ? [...panel, m.userId] : panel.filter((u) => u !== m.userId))}
              />
              <label htmlFor={checkboxId}>{m.name}</label>
              {onPanel ? (
                <select
                  aria-label={`Role of ${m.name}`}
                  name={named ? `panelRole:${m.userId}` : undefined}
                  className="rounded-md border border-slate-300 bg-white px-1 py-0.5 text-xs"
                  value={roles[m.userId] ?? 'interviewer'}
                  onChange={(e) => onRolesChange({ ...roles, [m.userId]: e.target.value as PanelRoleValue })}
                >
                  {PANEL_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {PANEL_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              ) : null}
            </li>
          );
        })}
      </ul>
      {panelError || rolesError ? (
        <p id={errorId} className="text-sm text-red-700">
          {panelError ?? rolesError}
        </p>
      ) : null}
      {warning ? (
        <p id={warningId} role="status" className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {warning}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The roles of the panelists still on the panel, as the API's panelRoles. */
export function rolesOfPanel(panel: string[], roles: Record<string, PanelRoleValue>): Record<string, PanelRoleValue> {
  return Object.fromEntries(panel.map((u) => [u, roles[u] ?? 'interviewer']));
}
