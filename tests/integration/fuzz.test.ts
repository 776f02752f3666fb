// Property-based fuzzing of every domain function that an API route or a server action calls:
// arbitrary strings (NUL, lone surrogates, 100 kB), numbers, nulls, arrays and nested shapes, and
// near-valid inputs with one field replaced — against a database full of demo data, with real ids
// from this organization and from another one. A refusal must be a typed 4xx (a 422 naming at
// least one field), and must leave the database exactly as it was; nothing may throw anything
// else (what became a 500). Security review, finding 8. FUZZ_RUNS and FUZZ_SEED tune a run.
import { adoptBrowserTimeZone, markNotificationRead, updateNotificationSettings, updateReminderSettings } from '@/lib/notifications/mutations';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { DEMO_ORG_SLUG, seedDemoOrganization } from '@/db/seed/demo';
import { signUp } from '@/lib/auth/accounts';
import { applyToOpening, createCandidate, importCandidates, moveApplication, previewCandidateImport, updateCandidate } from '@/lib/candidates/mutations';
import { getCandidate, getCandidateDetails, getCandidateProfile, getCandidateTimeline } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { getDecisionPacket, listPacketOpenings } from '@/lib/dashboard/decision-packet';
import { exportOpeningGridCsv } from '@/lib/dashboard/export';
import { compareCandidates, getOpeningGrid } from '@/lib/dashboard/queries';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { DomainError, ValidationError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview, scheduleInterview } from '@/lib/interviews/mutations';
import { createKit, publishKit, saveKitDraft, startKitDraft, suggestKitQuestions } from '@/lib/kits/mutations';
import { getKit, getVisibleKit } from '@/lib/kits/queries';
import { exportKit, importKit, previewKitImport } from '@/lib/kits/transfer';
import { createOpening, updateOpening } from '@/lib/openings/mutations';
import { getOpening, getOpeningForEdit, getOpeningOverview } from '@/lib/openings/queries';
import { createInvitation, previewInvitation, revokeInvitation } from '@/lib/orgs/invitations';
import { changeMemberRole, removeMember, updateOrganization } from '@/lib/orgs/mutations';
import { archiveQuestion, copyQuestionToOrganization, createQuestion, restoreQuestion, updateQuestion } from '@/lib/questions/mutations';
import { getQuestion, getQuestionHistory, searchQuestions } from '@/lib/questions/queries';
import { exportQuestions, importQuestions, previewQuestionImport } from '@/lib/questions/transfer';
import { openScorecard, reopenScorecard, saveScorecard, submitScorecard } from '@/lib/scorecards/mutations';
import { getScorecard, listCandidateFeedback } from '@/lib/scorecards/queries';
import { archiveSkill, createSkill, createSkillCategory } from '@/lib/skills/mutations';
import { queryRows } from '@/lib/sql';
import { listAuditEvents } from '@/lib/audit-log';
import { eraseAccount } from '@/lib/auth/account-erasure';
import { changePassword } from '@/lib/auth/accounts';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { endSession } from '@/lib/auth/sessions';
import { verifyEmail } from '@/lib/auth/verification';
import { getCandidateDataExport } from '@/lib/candidates/data-export';
import { eraseCandidate } from '@/lib/candidates/erasure';
import { getInterviewScorecard } from '@/lib/scorecards/queries';
import { recordOutcome } from '@/lib/outcomes/mutations';
import { getApplicationOutcomes } from '@/lib/outcomes/queries';
import { acceptSuggestedWeights, getValidityReport } from '@/lib/validity/report';
import { createSample, rateSample, setSampleArchived, updateSample } from '@/lib/training/mutations';
import { getExercise, listQuestionSamples } from '@/lib/training/queries';
import { setupTestDatabase } from './support/database';

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

type Target = (ctx: Ctx, input: unknown) => Promise<unknown>;

/** Every entry point with untrusted input, and a near-valid example to mutate where one helps. */
function targets(ids: Ids): [string, Target, Record<string, unknown>?][] {
  return [
    ['createCandidate', createCandidate, { name: 'Fuzz Person', email: 'fuzz@example.test', openingId: ids.opening }],
    ['updateCandidate', updateCandidate, { candidateId: ids.candidate, revision: 0, name: 'Renamed', notes: 'n' }],
    ['applyToOpening', applyToOpening, { candidateId: ids.candidate, openingId: ids.opening }],
    ['moveApplication', moveApplication, { applicationId: ids.application, stage: 'onsite' }],
    ['previewCandidateImport', previewCandidateImport, { content: 'name,email\nA B,ab@example.test\n' }],
    ['importCandidates', importCandidates, { content: 'name,email\nA B,ab@example.test\n' }],
    ['scheduleInterview', scheduleInterview, { applicationId: ids.application, openingStageId: ids.stage, scheduledAt: '2026-12-01T10:00:00Z', durationMinutes: 60, panelUserIds: [ids.user] }],
    ['rescheduleInterview', rescheduleInterview, { interviewId: ids.interview, revision: 0, scheduledAt: '2026-12-01T10:00:00Z', durationMinutes: 60, panelUserIds: [ids.user] }],
    ['cancelInterview', cancelInterview, { interviewId: ids.interview, revision: 0, reason: 'Candidate withdrew' }],
    ['openScorecard', openScorecard, { interviewId: ids.interview }],
    ['saveScorecard', saveScorecard, { scorecardId: ids.scorecard, baseRevision: 0, notes: {}, ratings: {}, summary: 's' }],
    ['submitScorecard', submitScorecard, { scorecardId: ids.scorecard, revision: 0 }],
    ['reopenScorecard', reopenScorecard, { scorecardId: ids.scorecard, reason: 'typo' }],
    ['createKit', createKit, { name: 'Kit', roleTitle: 'Backend', level: 'mid', targetMinutes: 60 }],
    ['saveKitDraft', saveKitDraft, { kitId: ids.kit, revision: 0, sections: [] }],
    ['publishKit', publishKit, { kitId: ids.kit, revision: 0 }],
    ['startKitDraft', startKitDraft, { kitId: ids.kit }],
    ['suggestKitQuestions', suggestKitQuestions, { kitId: ids.kit }],
    ['previewKitImport', previewKitImport, { content: '{}' }],
    ['importKit', importKit, { content: '{}' }],
    ['createOpening', createOpening, { title: 'Role', level: 'mid', stages: [{ name: 'S', kitId: ids.kit, durationMinutes: 30 }] }],
    ['updateOpening', updateOpening, { openingId: ids.opening, revision: 0, title: 'Role' }],
    ['createInvitation', createInvitation, { email: 'new@example.test', role: 'interviewer' }],
    ['revokeInvitation', revokeInvitation, { invitationId: ids.other }],
    ['changeMemberRole', changeMemberRole, { membershipId: ids.membership, role: 'recruiter' }],
    ['removeMember', removeMember, { membershipId: ids.membership }],
    ['updateOrganization', updateOrganization, { name: 'Renamed org' }],
    ['createQuestion', createQuestion, { title: 'A question', prompt: 'Explain something well', kind: 'technical', level: 'mid' }],
    ['updateQuestion', updateQuestion, { questionId: ids.question, revision: 0, title: 'Changed' }],
    ['archiveQuestion', archiveQuestion, { questionId: ids.question }],
    ['restoreQuestion', restoreQuestion, { questionId: ids.question }],
    ['copyQuestionToOrganization', copyQuestionToOrganization, { questionId: ids.question }],
    ['previewQuestionImport', previewQuestionImport, { format: 'csv', content: 'title\nx\n' }],
    ['importQuestions', importQuestions, { format: 'json', content: '{}' }],
    ['exportQuestions', exportQuestions, { format: 'csv', scope: 'all' }],
    ['createSkillCategory', createSkillCategory, { name: 'Category' }],
    ['createSkill', createSkill, { name: 'Skill', categoryId: ids.other }],
    ['archiveSkill', archiveSkill, { skillId: ids.other }],
    ['searchQuestions', searchQuestions, { q: 'sql', level: 'mid' }],
    ['getQuestion', getQuestion, { questionId: ids.question }],
    ['getQuestionHistory', getQuestionHistory, { questionId: ids.question }],
    ['compareCandidates', compareCandidates, { openingId: ids.opening, candidateIds: [ids.candidate] }],
    ['getDecisionPacket', getDecisionPacket, { candidateId: ids.candidate, openingId: ids.opening }],
    ['recordOutcome', recordOutcome, { applicationId: ids.application, checkpoint: '90_days', overallRating: '3', stillEmployed: 'yes', skillRatings: {}, expectedRevision: '0' }],
    ['getApplicationOutcomes', getApplicationOutcomes, { applicationId: ids.application }],
    ['getValidityReport', getValidityReport, { openingId: ids.opening, checkpoint: '90_days' }],
    ['acceptSuggestedWeights', acceptSuggestedWeights, { openingId: ids.opening, checkpoint: '90_days', revision: 0, shown: '' }],
    ['listPacketOpenings', listPacketOpenings, { candidateId: ids.candidate }],
    ['getQuestionAnalytics', getQuestionAnalytics, { openingId: ids.opening }],
    ['listCandidateFeedback', listCandidateFeedback, { candidateId: ids.candidate }],
    ['getOpeningGrid', (ctx, input) => getOpeningGrid(ctx, input)],
    ['exportOpeningGridCsv', exportOpeningGridCsv],
    ['getOpening', getOpening],
    ['markNotificationRead', markNotificationRead, { notificationId: ids.other }],
    ['updateNotificationSettings', updateNotificationSettings, { timeZone: 'Europe/Berlin', interview_invites: 'on' }],
    ['adoptBrowserTimeZone', adoptBrowserTimeZone, { timeZone: 'Europe/Berlin' }],
    ['updateReminderSettings', updateReminderSettings, { feedbackRemindersEnabled: 'on', feedbackReminderFirstMinutes: 60, feedbackReminderLimit: 10 }],
    ['getOpeningOverview', getOpeningOverview],
    ['getOpeningForEdit', getOpeningForEdit],
    ['getCandidate', getCandidate],
    ['getCandidateDetails', getCandidateDetails],
    ['getCandidateProfile', getCandidateProfile],
    ['getCandidateTimeline', getCandidateTimeline],
    ['getScorecard', getScorecard],
    ['getKit', (ctx, input) => getKit(ctx, input)],
    ['getVisibleKit', getVisibleKit],
    ['exportKit', (ctx, input) => exportKit(ctx, input)],
    ['previewInvitation', (ctx, input) => previewInvitation(ctx, input)],
    ['signUp', (ctx, input) => signUp(ctx, input), { name: 'New Person', email: 'signup@example.test', password: 'long enough password', organizationName: 'Org' }],
    // Added with the security and data-rights work:
    ['changePassword', (ctx, input) => changePassword({ ...ctx, sessionId: ids.other }, input), { currentPassword: 'not the password', newPassword: 'a new long password' }],
    ['endSession', (ctx, input) => endSession({ ...ctx, sessionId: ids.other }, input), { sessionId: ids.other }],
    ['requestPasswordReset', (ctx, input) => requestPasswordReset(ctx, { email: (input as { email?: unknown } | null)?.email ?? input, ip: '198.51.100.7' }), { email: 'nobody@example.test' }],
    ['resetPassword', (ctx, input) => resetPassword(ctx, input), { token: 'A'.repeat(43), password: 'a new long password' }],
    ['verifyEmail', (ctx, input) => verifyEmail(ctx, input), { token: 'A'.repeat(43) }],
    ['eraseCandidate', eraseCandidate, { candidateId: ids.candidate, confirmation: 'not the word' }],
    ['eraseAccount', (ctx, input) => eraseAccount(ctx, ctx.userId, input), { confirmation: 'not the words' }],
    ['getCandidateDataExport', (ctx, input) => getCandidateDataExport(ctx, input)],
    ['listAuditEvents', listAuditEvents, { actorUserId: ids.user, entityType: 'candidate', from: '2026-01-01', to: '2026-12-31' }],
    ['getInterviewScorecard', getInterviewScorecard, { interviewId: ids.interview }],
    // Calibration exercises (the demo has no samples: every sample id is another row's, hence 404):
    ['createSample', createSample, { questionId: ids.question, answer: 'A sample answer long enough to keep.', referenceRating: 3, referenceRationale: 'Matches the third anchor.' }],
    ['updateSample', updateSample, { sampleId: ids.other, revision: 0, answer: 'A sample answer long enough to keep.', referenceRating: 2, referenceRationale: 'Matches the second anchor.' }],
    ['setSampleArchived', setSampleArchived, { sampleId: ids.other, revision: 0, archived: true }],
    ['rateSample', rateSample, { sampleId: ids.other, rating: 2, note: 'n' }],
    ['getExercise', getExercise, { sampleId: ids.other }],
    ['listQuestionSamples', listQuestionSamples, { questionId: ids.question }],
  ];
}

interface Ids {
  opening: string;
  stage: string;
  candidate: string;
  application: string;
  interview: string;
  scorecard: string;
  kit: string;
  question: string;
  membership: string;
  user: string;
  other: string;
  all: string[];
}

const KEYS = [
  'id', 'name', 'email', 'phone', 'title', 'prompt', 'kind', 'level', 'notes', 'summary', 'reason', 'content', 'format', 'scope', 'q', 'role', 'stage', 'status',
  'candidateId', 'candidateIds', 'openingId', 'applicationId', 'openingStageId', 'interviewId', 'scorecardId', 'kitId', 'questionId', 'membershipId', 'skillId', 'categoryId',
  'revision', 'baseRevision', 'version', 'scheduledAt', 'durationMinutes', 'targetMinutes', 'panelUserIds', 'ratings', 'recommendation', 'stages', 'sections', 'weights', 'items',
  'token', 'password', 'organizationName', 'roleTitle', '__proto__', 'constructor', '',
];

function inputArbitrary(ids: Ids, example?: Record<string, unknown>) {
  const scalar = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('\u0000', 'a\u0000b', '', ' ', '\ud800', 'null', 'NaN', '-1', '1e309', '2026-13-45T99:99', 'x'.repeat(100_000), '=HYPERLINK("x")', "'; drop table users; --"),
    fc.integer(),
    fc.double(),
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.uuid(),
    fc.constantFrom(...ids.all),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 })),
  }));
  const shapes = [fc.anything(), value, fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 })];
  if (example) {
    // One field of a near-valid input replaced (or removed), to get past the first checks.
    const keys = Object.keys(example);
    const replaced = fc.tuple(fc.constantFrom(...keys), fc.option(value, { nil: undefined })).map(([key, replacement]) => ({ ...example, [key]: replacement }));
    // The same valid input with a NUL or an oversized text slipped into one field.
    const poisoned = fc
      .tuple(fc.constantFrom(...keys), fc.constantFrom('\u0000', 'x'.repeat(200_000), '\ud83d'), fc.nat())
      .map(([key, poison, at]) => {
        const text = String(example[key] ?? '');
        const cut = text.length ? at % text.length : 0;
        return { ...example, [key]: text.slice(0, cut) + poison + text.slice(cut) };
      });
    return fc.oneof({ arbitrary: replaced, weight: 3 }, { arbitrary: poisoned, weight: 3 }, ...shapes.map((arbitrary) => ({ arbitrary, weight: 1 })));
  }
  return fc.oneof(...shapes);
}

const t = setupTestDatabase();
let admin: Ctx;
let ids: Ids;
let fingerprintStatement: ReturnType<typeof sql.raw>;

/** Row count and the sum of row versions (xmin) of every table: any insert, update or delete changes it. */
async function fingerprint(): Promise<string> {
  const rows = await queryRows<{ t: string; n: string; x: string }>(t.db, fingerprintStatement);
  return rows.map((r) => `${r.t}:${r.n}:${r.x}`).join('|');
}

beforeAll(async () => {
  const content = loadBuiltinContent();
  await seedDemoOrganization(t.db, content, await seedBuiltinContent(t.db, content));
  const one = async (query: string) => (await queryRows<{ id: string }>(t.db, sql.raw(query)))[0]!.id;
  const org = await one(`select id from organizations where slug = '${DEMO_ORG_SLUG}'`);
  const adminUser = await one(`select u.id from users u where u.email = 'admin@demo.loopkit.dev'`);
  admin = { db: t.db, userId: adminUser, organizationId: org, role: 'admin' };
  const other = await signUp({ db: t.db }, { name: 'Other Admin', email: `other.${randomBytes(3).toString('hex')}@example.test`, password: 'another long password', organizationName: 'Other Org' });
  ids = {
    opening: await one(`select id from openings where organization_id = '${org}' limit 1`),
    stage: await one(`select s.id from opening_stages s join openings o on o.id = s.opening_id where o.organization_id = '${org}' limit 1`),
    candidate: await one(`select id from candidates where organization_id = '${org}' limit 1`),
    application: await one(`select id from applications where organization_id = '${org}' limit 1`),
    interview: await one(`select id from interviews where organization_id = '${org}' limit 1`),
    scorecard: await one(`select id from scorecards where organization_id = '${org}' limit 1`),
    kit: await one(`select id from kits where organization_id = '${org}' limit 1`),
    question: await one(`select id from questions limit 1`),
    membership: await one(`select id from memberships where organization_id = '${org}' and role = 'interviewer' limit 1`),
    user: adminUser,
    other: other.organizationId,
    all: [],
  };
  ids.all = [...Object.values(ids).filter((v): v is string => typeof v === 'string'), other.user.id];
  const tables = await queryRows<{ table_name: string }>(t.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  fingerprintStatement = sql.raw(
    tables.map(({ table_name: name }) => `select '${name}' as t, count(*)::text as n, coalesce(sum(xmin::text::bigint), 0)::text as x from "${name}"`).join(' union all '),
  );
}, 120_000);

describe('fuzzing every domain entry point', () => {
  it('answers arbitrary input with a typed 4xx naming the field, and a refusal changes nothing', async () => {
    const refusals = new Map<string, number>();
    for (const [name, target, example] of targets(ids)) {
      await fc.assert(
        fc.asyncProperty(inputArbitrary(ids, example), async (input) => {
          const before = await fingerprint();
          let error: unknown;
          try {
            await target(admin, input);
            return; // an input that happens to be valid may change data
          } catch (e) {
            error = e;
          }
          if (!(error instanceof DomainError)) throw new Error(`${name} threw a non-domain error (a 500): ${String(error)}`, { cause: error });
          expect(error.status, `${name}: ${error.message}`).toBeGreaterThanOrEqual(400);
          expect(error.status).toBeLessThan(500);
          if (error instanceof ValidationError) expect(Object.keys(error.fieldErrors).length, `${name}: 422 without a field`).toBeGreaterThan(0);
          expect(await fingerprint(), `${name} changed the database while refusing`).toBe(before);
          refusals.set(name, (refusals.get(name) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    // Sanity: the fuzzer reached every target, and mostly with refusals.
    expect(refusals.size).toBeGreaterThan(targets(ids).length * 0.8);
  }, 600_000);
});
