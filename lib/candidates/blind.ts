// Blind review, written once: who sees a candidate code ("C-4F7Q") instead of the candidate's
// name, e-mail and other identifying fields, on which kind of page, for which application, until when.
//
// An opening's `blind_review` mode names the audiences kept blind:
//  - 'off': nobody;
//  - 'interviewers': anyone reading as a panelist — My interviews, the interview page and live
//    scorecard, invites, reminders and notifications sent to the panel;
//  - 'interviewers_and_dashboard': those, and every dashboard read — grid, comparison, debrief,
//    decision packet, CSV exports and their REST twins.
// People who must contact the candidate keep the name: members holding candidate:contact
// (recruiters, admins) on the candidate pages, the candidate list and search, the opening page and
// scheduling (the loop overview). Everyone else reading those pages (hiring managers, read-only
// API keys) is treated as a dashboard reader there, so a blind dashboard cannot be undone by a
// click on the candidate. A recruiter on the panel still sees the code on the interview page:
// there they read as a panelist.
// The blind is lifted for everyone, on every surface, once a final decision — hire or reject — has
// been recorded on the application (application_decisions). "Advance" and "hold" keep it: the
// panel is still assessing. A later decision that reverses a hire or reject does not blind again —
// the names were already shown.
//
// Every read path goes through one of: `isIdentityHidden` (TypeScript, one application whose mode
// and decisions are loaded) or `identityHiddenSql` / `candidateLabelSql` (SQL over aliases, for
// lists), both built from `hidingModes` and `IDENTITY_LIFTING_OUTCOMES`. Free text shown to a
// blind viewer goes through `maskIdentity`.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { applications, candidates, openings } from '@/db/schema';
import { can, type Ctx, type PermissionSubject } from '../context';
import type { BlindReviewMode } from '../openings/schemas';
import { list } from '../sql';

/**
 * Where a candidate is shown: as a panelist sees them ('panel'), in the dashboard's reads
 * ('dashboard'), or where the candidate is managed and contacted ('candidate': candidate pages,
 * candidate list and search, opening page, loop overview and scheduling).
 */
export type BlindSurface = 'panel' | 'dashboard' | 'candidate';

/** Decision outcomes that lift the blind: the hiring decision is made, nothing left to bias. */
export const IDENTITY_LIFTING_OUTCOMES = ['hire', 'reject'] as const;

/**
 * The modes in which a viewer sees a code on this surface (until a lifting decision). Only the
 * candidate surface depends on who looks; messages (invites, reminders, "all feedback is in") are
 * built without a viewer, for the panel or dashboard audience they go to.
 */
export function hidingModes(surface: BlindSurface, viewer?: PermissionSubject): readonly BlindReviewMode[] {
  switch (surface) {
    case 'panel':
      return ['interviewers', 'interviewers_and_dashboard'];
    case 'dashboard':
      // A cleared panelist may open the debrief without dashboard:read: they read it as a panelist.
      return viewer && !can(viewer, 'dashboard:read') ? hidingModes('panel') : ['interviewers_and_dashboard'];
    case 'candidate':
      return viewer && can(viewer, 'candidate:contact') ? [] : ['interviewers_and_dashboard'];
  }
}

export interface BlindState {
  mode: BlindReviewMode;
  /** A hire or reject decision has been recorded on the application. */
  decided: boolean;
}

/** The rule for one application. */
export function isIdentityHidden(surface: BlindSurface, state: BlindState, viewer?: PermissionSubject): boolean {
  return !state.decided && hidingModes(surface, viewer).includes(state.mode);
}

/** Aliases of the rows a raw statement joined: openings, applications, candidates. */
export interface BlindAliases {
  opening: string;
  application: string;
  candidate: string;
}

/** The tables' own names: what the query builder's unaliased joins are referred to by. */
export const TABLE_ALIASES: BlindAliases = { opening: 'openings', application: 'applications', candidate: 'candidates' };

const col = (alias: string, column: string) => sql.raw(`"${alias}"."${column}"`);

/** "A hire or reject decision is recorded on the application" as SQL. */
export function identityLiftedSql(applicationAlias: string): SQL {
  // organization_id first: it leads application_decisions' (organization_id, application_id, revision) index.
  return sql`exists (select 1 from application_decisions bd where bd.organization_id = ${col(applicationAlias, 'organization_id')} and bd.application_id = ${col(applicationAlias, 'id')} and bd.outcome in (${list(IDENTITY_LIFTING_OUTCOMES)}))`;
}

/** `isIdentityHidden` as a boolean SQL expression over the statement's opening and application rows. */
export function identityHiddenSql(surface: BlindSurface, viewer?: PermissionSubject, aliases: Pick<BlindAliases, 'opening' | 'application'> = TABLE_ALIASES): SQL<boolean> {
  const modes = hidingModes(surface, viewer);
  if (!modes.length) return sql<boolean>`false`;
  return sql<boolean>`(${col(aliases.opening, 'blind_review')} in (${list(modes)}) and not ${identityLiftedSql(aliases.application)})`;
}

/** The name to show: the candidate's, or the application's code where the viewer is blind. */
export function candidateLabelSql(surface: BlindSurface, viewer?: PermissionSubject, aliases: BlindAliases = TABLE_ALIASES): SQL<string> {
  return sql<string>`case when ${identityHiddenSql(surface, viewer, aliases)} then ${col(aliases.application, 'blind_code')} else ${col(aliases.candidate, 'name')} end`;
}

/**
 * A candidate across their applications (the candidate page, the candidate list, search): blind
 * when any of their applications is hidden from the viewer, since the page lists that application
 * beside the person. The code of the earliest such application, or null when the person is shown.
 */
export function candidateBlindCodeSql(surface: BlindSurface, viewer: PermissionSubject | undefined, candidateAlias: string): SQL<string | null> {
  if (!hidingModes(surface, viewer).length) return sql<string | null>`null::text`;
  return sql<string | null>`(select ba.blind_code from applications ba join openings bo on bo.id = ba.opening_id
    where ba.candidate_id = ${col(candidateAlias, 'id')} and ${identityHiddenSql(surface, viewer, { opening: 'bo', application: 'ba' })}
    order by ba.created_at, ba.id limit 1)`;
}

/** `candidateBlindCodeSql` for one candidate. */
export async function loadCandidateBlindCode(ctx: Ctx, surface: BlindSurface, candidateId: string): Promise<string | null> {
  if (!hidingModes(surface, ctx).length) return null;
  const [row] = await ctx.db
    .select({ code: candidateBlindCodeSql(surface, ctx, 'candidates') })
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.organizationId, ctx.organizationId)));
  return row?.code ?? null;
}

export interface CandidateIdentity {
  name: string;
  email: string;
  /** The application's code, which replaces them. */
  code: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts of a name a note might use: the whole name, each word, and each half of a hyphenated
 * or apostrophed word ("Mary-Jane O'Connor" → "Mary-Jane", "Mary", "Jane", "O'Connor", "Connor").
 * Parts of one letter are left: masking every "J" would garble the note and hide nothing.
 */
function nameParts(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const pieces = words.flatMap((w) => w.split(/[-'’]/));
  const parts = new Set([name.trim(), ...words, ...pieces].filter((p) => [...p].length >= 2));
  // Longest first, so "Mary-Jane" is replaced whole before "Mary" could split it.
  return [...parts].sort((a, b) => b.length - a.length);
}

/**
 * Free text about a candidate as a blind viewer reads it: the e-mail address, the local part of
 * it, and the name and its parts, wherever they stand as whole words (any case), become the
 * code. Applied to scorecard notes and summaries, decision rationales and any other free text
 * shown under a code.
 */
export function maskIdentity(text: string, identity: CandidateIdentity): string {
  if (!text) return text;
  let masked = text;
  const email = identity.email.trim();
  if (email) masked = masked.replace(new RegExp(escapeRegExp(email), 'giu'), identity.code);
  const localPart = email.split('@')[0] ?? '';
  const terms = [...nameParts(identity.name), ...([...localPart].length >= 3 ? [localPart] : [])];
  for (const term of terms) {
    masked = masked.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu'), identity.code);
  }
  return masked;
}

/** What one application's candidate looks like to a viewer: hidden or not, and what to mask with. */
export interface BlindView {
  hidden: boolean;
  identity: CandidateIdentity;
}

/**
 * The blind-review view of each application, for reads that assemble free text in TypeScript
 * (scorecards, decisions): `hidden` comes from identityHiddenSql, so it is the same rule the lists
 * apply in SQL. Scoped to ctx's organization; unknown ids are simply absent.
 */
export async function loadBlindViews(ctx: Ctx, surface: BlindSurface, applicationIds: readonly string[]): Promise<Map<string, BlindView>> {
  const ids = [...new Set(applicationIds)];
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({ applicationId: applications.id, hidden: identityHiddenSql(surface, ctx), name: candidates.name, email: candidates.email, code: applications.blindCode })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(openings, eq(openings.id, applications.openingId))
    .where(and(eq(applications.organizationId, ctx.organizationId), inArray(applications.id, ids)));
  return new Map(rows.map((r) => [r.applicationId, { hidden: Boolean(r.hidden), identity: { name: r.name, email: r.email, code: r.code } }]));
}

/** Free text as the viewer may read it: masked where the application is blind to them. */
export function textFor(view: BlindView | undefined, text: string): string {
  return view?.hidden ? maskIdentity(text, view.identity) : text;
}
