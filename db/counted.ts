// Which submitted scorecards count: the one rule behind every aggregate (grid, composite,
// recommendation tallies, calibration, reliability, question analytics, adverse-impact score
// levels, exports) and behind "all feedback is in". Shadow and reverse-shadow panelists are
// interviewers in training; their cards are kept and shown, labelled, but never counted, so a
// trainee's ratings cannot move a candidate's figures or an interviewer's calibration.
//
// It lives in db/ because the running tallies (db/analytics.ts) need it and db/ imports nothing
// from lib/; lib/scorecards/counted.ts re-exports it for the domain code.
import { type SQL, sql } from 'drizzle-orm';
import type { PanelRole } from './schema/interviews';

/** Panel roles whose submitted cards count. Everything else is training. */
export const COUNTED_PANEL_ROLES: readonly PanelRole[] = ['interviewer'];

/** Whether a panelist in this role writes a card that counts (and whose card "all feedback is in" waits for). */
export function panelRoleCounts(role: PanelRole): boolean {
  return COUNTED_PANEL_ROLES.includes(role);
}

/** The TypeScript side of countedScorecardSql, for cards already loaded with their author's panel role. */
export function scorecardCounts(card: { status: 'draft' | 'submitted'; panelRole: PanelRole | null }): boolean {
  // A card whose author is no longer on the panel (a panel row removed by erasure or by an older
  // version of the app) counted before roles existed and keeps counting: the rule only ever
  // excludes a card that a panel row marks as training.
  return card.status === 'submitted' && (card.panelRole === null || panelRoleCounts(card.panelRole));
}

// Enum constants from this module, never input: written inline so the planner sees them.
const countedRolesList = sql.raw(COUNTED_PANEL_ROLES.map((r) => `'${r}'`).join(', '));

/**
 * A condition on the scorecards row aliased `alias`: submitted, and its author does not sit on the
 * interview's panel in a role that is not counted. Same reading as scorecardCounts.
 */
export function countedScorecardSql(alias = 's'): SQL {
  const s = sql.raw(alias);
  return sql`(${s}.status = 'submitted' and not exists (
    select 1 from interview_panelists counted_p
    where counted_p.interview_id = ${s}.interview_id and counted_p.user_id = ${s}.interviewer_user_id
      and counted_p.role not in (${countedRolesList})))`;
}

/** A condition on the interview_panelists row aliased `alias`: a seat whose card counts and is waited for. */
export function countedPanelistSql(alias = 'p'): SQL {
  return sql`(${sql.raw(alias)}.role in (${countedRolesList}))`;
}
