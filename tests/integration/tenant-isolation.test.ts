// A member of organization B must get 404 — never 403, never data — for organization A's ids in
// every domain function. Organization A is the seeded demo organization.
import { eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { DEMO_ORG_SLUG, seedDemoOrganization } from '@/db/seed/demo';
import { candidates, interviews, invitations, kitVersions, kits, memberships, openings, organizations, scorecards } from '@/db/schema';
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
import { createOrgWithAdmin } from './support/factories';

const t = setupTestDatabase();

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
  const content = loadBuiltinContent();
  const builtin = await seedBuiltinContent(t.db, content);
  await seedDemoOrganization(t.db, content, builtin);
  const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
  ids.orgA = org!.id;
  const members = await t.db.select().from(memberships).where(eq(memberships.organizationId, ids.orgA));
  const admin = members.find((m) => m.role === 'admin')!;
  ids.adminA = { db: t.db, userId: admin.userId, organizationId: ids.orgA, role: 'admin' };
  ids.membership = members.find((m) => m.role === 'interviewer')!.id;
  ids.invitation = (await createInvitation(ids.adminA, { email: 'pending@example.test', role: 'interviewer' })).invitation.id;
  const [builtinQuestion] = (await t.db.query.questions.findMany({ limit: 1 })) ?? [];
  ids.ownQuestion = (await copyQuestionToOrganization(ids.adminA, { questionId: builtinQuestion!.id })).questionId;
  ids.kit = (await t.db.select().from(kits).where(eq(kits.organizationId, ids.orgA)).limit(1))[0]!.id;
  ids.kitVersion = (await t.db.select().from(kitVersions).where(eq(kitVersions.kitId, ids.kit)).limit(1))[0]!.id;
  ids.opening = (await t.db.select().from(openings).where(eq(openings.organizationId, ids.orgA)).limit(1))[0]!.id;
  ids.candidate = (await t.db.select().from(candidates).where(eq(candidates.organizationId, ids.orgA)).limit(1))[0]!.id;
  ids.interview = (await t.db.select().from(interviews).where(eq(interviews.organizationId, ids.orgA)).limit(1))[0]!.id;
  ids.scorecard = (await t.db.select().from(scorecards).where(eq(scorecards.status, 'submitted')).limit(1))[0]!.id;
  outsider = (await createOrgWithAdmin(t.db, 'Other Org')).ctx;
});

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

  it.each(cases)('%s → NotFoundError', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('left organization A unchanged', async () => {
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.id, ids.membership));
    expect(membership!.role).toBe('interviewer');
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, ids.invitation));
    expect(invitation!.revokedAt).toBeNull();
    const [candidate] = await t.db.select().from(candidates).where(eq(candidates.id, ids.candidate));
    expect(candidate!.revision).toBe(0);
    const [opening] = await t.db.select().from(openings).where(eq(openings.id, ids.opening));
    expect(opening).toMatchObject({ revision: 0, status: 'open' });
    const [interview] = await t.db.select().from(interviews).where(eq(interviews.id, ids.interview));
    expect(interview!.revision).toBe(0);
    expect(interview!.status).not.toBe('cancelled');
  });

  it('the owner still reads every one of those ids', async () => {
    await expect(getMembershipInOrg(ids.adminA, ids.membership)).resolves.toBeDefined();
    await expect(getQuestion(ids.adminA, { questionId: ids.ownQuestion })).resolves.toMatchObject({ builtin: false });
    await expect(getKit(ids.adminA, ids.kit)).resolves.toBeDefined();
    await expect(loadKitVersionContent(ids.adminA, ids.kitVersion)).resolves.toMatchObject({ version: { id: ids.kitVersion } });
    await expect(getOpening(ids.adminA, ids.opening)).resolves.toBeDefined();
    await expect(getCandidate(ids.adminA, ids.candidate)).resolves.toBeDefined();
    await expect(loadInterviewSchedule(ids.adminA, ids.interview)).resolves.toMatchObject({ id: ids.interview });
    await expect(getScorecard(ids.adminA, ids.scorecard)).resolves.toBeDefined();
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
