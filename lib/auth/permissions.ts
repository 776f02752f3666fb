// Roles are data: this map is the single source of truth for what each role may do. The UI
// reads it to hide controls; the domain functions in lib/ check it before doing anything.

export const ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
};

export const PERMISSIONS = {
  'org:manage': 'Rename the organization and change its settings',
  'member:read': 'See the member list',
  'member:invite': 'Invite people and revoke invitations',
  'member:manage': 'Change roles and remove members',
  'question:read': 'Read the question bank',
  'question:write': 'Create, edit, archive and copy questions and skills',
  'kit:read': 'Read interview kits',
  'kit:write': 'Create and edit kits, and publish them',
  'kit:qualify': 'Mark members qualified (or no longer qualified) to interview with a kit',
  'opening:read': 'See openings and their interview loops',
  'opening:write': 'Create and edit openings',
  'candidate:read': 'See candidates and applications',
  'candidate:write': 'Create and edit candidates and move applications between stages',
  'candidate:contact': "See candidates' names and contact details on candidate pages and scheduling while their opening is in blind review",
  'candidate:erase': "Erase a candidate's personal data and see who the retention policy erases next",
  'candidate:export_personal_data': 'Export everything held about a candidate, including all feedback (subject access)',
  'interview:read_all': "See every interview in the organization, not only one's own",
  'interview:schedule': 'Schedule, reschedule and cancel interviews and choose panels',
  'scorecard:write_own': 'Fill in and submit own scorecards',
  'scorecard:read_all': 'See all submitted feedback',
  'scorecard:reopen': 'Reopen a submitted scorecard (audited)',
  'dashboard:read': 'See candidate comparisons and calibration',
  'decision:record': 'Record the hiring decision after a debrief (advance, hire, reject, hold)',
  'outcome:record': 'Record and read hired people’s post-hire outcomes (performance at 90 days and 12 months), the data behind predictive validity',
  'audit:read': 'Read the audit log',
  'api_key:manage': 'Create and revoke API keys',
  'webhook:manage': 'Register webhook endpoints, see their delivery logs and redeliver events',
  'eeo:read': 'See the adverse-impact report built from candidates’ voluntary self-identification (aggregates only)',
  'training:manage': 'Add, edit and archive calibration samples (sample answers with a reference rating) and see every trainee’s agreement',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const readEverything: Permission[] = [
  'member:read',
  'question:read',
  'kit:read',
  'opening:read',
  'candidate:read',
  'interview:read_all',
  'dashboard:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: Object.keys(PERMISSIONS) as Permission[],
  recruiter: [
    ...readEverything,
    'question:write',
    'kit:write',
    'opening:write',
    'candidate:write',
    // Recruiters contact candidates and arrange interviews, so blind review never hides names from them there.
    'candidate:contact',
    'interview:schedule',
    'scorecard:write_own',
    // Recruiters coordinate the debrief: off the panel they read submitted feedback.
    'scorecard:read_all',
    // Recruiters run interviewer training: they write the sample answers and follow agreement.
    'training:manage',
  ],
  hiring_manager: [
    ...readEverything,
    'question:write',
    'kit:write',
    'opening:write',
    'candidate:write',
    'interview:schedule',
    'scorecard:write_own',
    'scorecard:read_all',
    'decision:record',
    'outcome:record',
  ],
  interviewer: ['question:read', 'kit:read', 'scorecard:write_own'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What an API key may never hold: a key acts as a service member, never a panelist (so it writes
 * no scorecard of its own), and it cannot mint or revoke keys (no escalation from a leaked key).
 */
export const SERVICE_UNGRANTABLE: readonly Permission[] = ['scorecard:write_own', 'api_key:manage'];

export const SERVICE_GRANTABLE: readonly Permission[] = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !SERVICE_UNGRANTABLE.includes(p));

/** The "read-only" preset for API keys: every read permission, submitted feedback included. */
export const READ_ONLY_SCOPES: readonly Permission[] = [...readEverything, 'scorecard:read_all'];

export function serviceHasPermission(scopes: readonly Permission[], permission: Permission): boolean {
  return scopes.includes(permission) && SERVICE_GRANTABLE.includes(permission);
}
