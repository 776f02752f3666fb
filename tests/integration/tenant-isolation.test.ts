// A member of organization B must get 404 — never 403, never data — for organization A's ids in
// every domain function. Organization A is a whole interview loop built by the factories once for
// the file; each attempt runs in its own rolled-back transaction and checks A is unchanged.
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidates, interviews, invitations, kitVersions, memberships, openings } from '@/db/schema';
import { updateCandidate } from '@/lib/candidates/mutations';
import { getCandidate } from '@/lib/candidates/queries';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview } from '@/lib/interviews/mutations';
import { loadInterviewSchedule } from '@/lib/interviews/queries';
import { getKit, loadKitVersionContent } from '@/lib/kits/queries';
import { updateOpening } from '@/lib/openings/mutations';
import { getOpening, getOpeningForEdit } from '@/lib/openings/queries';
import { createInvitation, revokeInvitation } from '@/lib/orgs/invitations';
import { changeMemberRole, removeMember } from '@/lib/orgs/mutations';
import { getMembershipInOrg } from '@/lib/orgs/queries';
import { copyQuestionToOrganization } from '@/lib/questions/mutations';
import { getQuestion } from '@/lib/questions/queries';
import { getInterviewScorecard, getScorecard } from '@/lib/scorecards/queries';
import { setupTestDatabase } from './support/database';
import { makeInterviewLoop, makeOrganization, makeQuestion, makeSubmittedScorecard, type TestInterviewLoop } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });

let loopA: TestInterviewLoop;
const ids = {} as {
  orgA: string;
  adminA: Ctx;
  membership: string;
  invitation: string;
  ownQuestion: string;
  kit: string;
  kitVersion: string;
  opening: string;
  candidate: string;
  interview: string;
  scorecard: string;
};
let outsider: Ctx;

beforeAll(async () => {
  loopA = await makeInterviewLoop(t.db);
  ids.orgA = loopA.organizationId;
  ids.adminA = loopA.admin.ctx;
  const [membership] = await t.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ids.orgA), eq(memberships.userId, loopA.interviewer.user.id)));
  ids.membership = membership!.id;
  ids.invitation = (await createInvitation(ids.adminA, { email: 'pending@example.test', role: 'interviewer' })).invitation.id;
  ids.ownQuestion = (await makeQuestion(ids.adminA, { primarySkillId: loopA.kit.skillIds[0]! })).questionId;
  ids.kit = loopA.kit.kitId;
  ids.kitVersion = loopA.kit.versionId;
  ids.opening = loopA.opening.openingId;
  ids.candidate = loopA.candidateId;
  ids.interview = loopA.interviewId;
  ids.scorecard = await makeSubmittedScorecard(loopA.interviewer.ctx, {
    interviewId: loopA.interviewId,
    ratings: { [loopA.kit.skillIds[0]!]: 3, [loopA.kit.skillIds[1]!]: 2 },
    recommendation: 'yes',
  });
  outsider = (await makeOrganization(t.db, { name: 'Other Org' })).admin.ctx;
});

/** Organization A's rows the attempts aimed at, as the factories left them. */
async function expectOrganizationAUnchanged() {
  const [membership] = await t.db.select().from(memberships).where(eq(memberships.id, ids.membership));
  expect(membership!.role).toBe('interviewer');
  const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, ids.invitation));
  expect(invitation!.revokedAt).toBeNull();
  const [candidate] = await t.db.select().from(candidates).where(eq(candidates.id, ids.candidate));
  expect(candidate).toMatchObject({ revision: 0, name: loopA.candidateName });
  const [opening] = await t.db.select().from(openings).where(eq(openings.id, ids.opening));
  expect(opening).toMatchObject({ revision: 0, status: 'open' });
  const [interview] = await t.db.select().from(interviews).where(eq(interviews.id, ids.interview));
  expect(interview).toMatchObject({ revision: 0, status: 'scheduled' });
}

describe('tenant isolation: organization B sees organization A’s ids as missing', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['getMembershipInOrg', () => getMembershipInOrg(outsider, ids.membership)],
    ['changeMemberRole', () => changeMemberRole(outsider, { membershipId: ids.membership, role: 'admin' })],
    ['removeMember', () => removeMember(outsider, { membershipId: ids.membership })],
    ['revokeInvitation', () => revokeInvitation(outsider, { invitationId: ids.invitation })],
    ['getQuestion', () => getQuestion(outsider, { questionId: ids.ownQuestion })],
    ['copyQuestionToOrganization', () => copyQuestionToOrganization(outsider, { questionId: ids.ownQuestion })],
    ['getKit', () => getKit(outsider, ids.kit)],
    ['getOpening', () => getOpening(outsider, ids.opening)],
    ['getCandidate', () => getCandidate(outsider, ids.candidate)],
    ['getInterviewScorecard', () => getInterviewScorecard(outsider, { interviewId: ids.interview })],
    // The kit content a scorecard pins: once read by an unscoped copy of this loader.
    ['loadKitVersionContent', () => loadKitVersionContent(outsider, ids.kitVersion)],
    ['getScorecard', () => getScorecard(outsider, ids.scorecard)],
    ['getOpeningForEdit', () => getOpeningForEdit(outsider, ids.opening)],
    ['updateCandidate', () => updateCandidate(outsider, { candidateId: ids.candidate, revision: 0, name: 'Taken Over' })],
    [
      'updateOpening',
      () =>
        updateOpening(outsider, {
          openingId: ids.opening,
          revision: 0,
          title: 'Taken over',
          level: 'mid',
          status: 'closed',
          stages: [{ name: 'Any stage', kitId: ids.kit, durationMinutes: 30 }],
        }),
    ],
    [
      'rescheduleInterview',
      () => rescheduleInterview(outsider, { interviewId: ids.interview, revision: 0, scheduledAt: new Date().toISOString(), durationMinutes: 30, panelUserIds: [outsider.userId] }),
    ],
    ['cancelInterview', () => cancelInterview(outsider, { interviewId: ids.interview, revision: 0, reason: 'Not ours to cancel' })],
  ];

  // Each refusal is checked inside its own test: the rollback at the end would hide a change.
  it.each(cases)('%s → NotFoundError, and organization A is unchanged', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    await expectOrganizationAUnchanged();
  });

  it('the owner still reads every one of those ids', async () => {
    await expect(getMembershipInOrg(ids.adminA, ids.membership)).resolves.toMatchObject({ id: ids.membership, userId: loopA.interviewer.user.id, role: 'interviewer' });
    await expect(getQuestion(ids.adminA, { questionId: ids.ownQuestion })).resolves.toMatchObject({ builtin: false, question: { id: ids.ownQuestion, organizationId: ids.orgA } });
    await expect(getKit(ids.adminA, ids.kit)).resolves.toMatchObject({ kit: { id: ids.kit, organizationId: ids.orgA } });
    await expect(loadKitVersionContent(ids.adminA, ids.kitVersion)).resolves.toMatchObject({ version: { id: ids.kitVersion } });
    await expect(getOpening(ids.adminA, ids.opening)).resolves.toMatchObject({ opening: { id: ids.opening, organizationId: ids.orgA } });
    await expect(getCandidate(ids.adminA, ids.candidate)).resolves.toMatchObject({ candidate: { id: ids.candidate, name: loopA.candidateName } });
    await expect(loadInterviewSchedule(ids.adminA, ids.interview)).resolves.toMatchObject({ id: ids.interview });
    await expect(getScorecard(ids.adminA, ids.scorecard)).resolves.toMatchObject({ scorecard: { id: ids.scorecard, status: 'submitted', interviewerUserId: loopA.interviewer.user.id } });
  });

  it('a built-in kit version’s content loads for every organization', async () => {
    const [builtinVersion] = await t.db.select().from(kitVersions).where(isNull(kitVersions.organizationId)).limit(1);
    const content = await loadKitVersionContent(outsider, builtinVersion!.id);
    expect(content.version.id).toBe(builtinVersion!.id);
    expect(content.sections.flatMap((s) => s.items).length).toBeGreaterThan(0);
  });

  it('built-in questions are visible to every organization and copyable', async () => {
    const [builtinQuestion] = await t.db.query.questions.findMany({ where: (q, { isNull }) => isNull(q.organizationId), limit: 1 });
    const copy = await copyQuestionToOrganization(outsider, { questionId: builtinQuestion!.id });
    const loaded = await getQuestion(outsider, { questionId: copy.questionId });
    expect(loaded.question.organizationId).toBe(outsider.organizationId);
    expect(loaded.question.copiedFromQuestionId).toBe(builtinQuestion!.id);
  });
});
