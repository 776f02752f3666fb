// The permission map is enforced by the domain functions themselves, whatever the UI shows.
import { describe, expect, it } from 'vitest';
import { updateCandidate } from '@/lib/candidates/mutations';
import { listCandidates } from '@/lib/candidates/queries';
import { ForbiddenError } from '@/lib/errors';
import { cancelInterview, rescheduleInterview } from '@/lib/interviews/mutations';
import { listKits } from '@/lib/kits/queries';
import { updateOpening } from '@/lib/openings/mutations';
import { listOpenings } from '@/lib/openings/queries';
import { createInvitation } from '@/lib/orgs/invitations';
import { listMembers } from '@/lib/orgs/queries';
import { copyQuestionToOrganization } from '@/lib/questions/mutations';
import { getQuestion, searchQuestions } from '@/lib/questions/queries';
import { setupTestDatabase } from './support/database';
import { makeKit, makeOrganization, uniqueEmail } from './support/factories';

const t = setupTestDatabase({ seedBuiltin: true, isolation: 'transaction' });

describe('role permissions in the data layer', () => {
  it('an interviewer reads the bank and kits but not members, openings or candidates, and cannot write', async () => {
    const org = await makeOrganization(t.db);
    const { ctx } = org.interviewer;
    const { kitId } = await makeKit(org.admin.ctx);
    const bank = await searchQuestions(ctx, { pageSize: 5 });
    expect(bank.total).toBeGreaterThanOrEqual(150);
    const kits = await listKits(ctx);
    expect(kits.filter((k) => !k.builtin).map((k) => ({ id: k.id, publishedVersion: k.publishedVersion }))).toEqual([{ id: kitId, publishedVersion: 1 }]);
    await expect(listMembers(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOpenings(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCandidates(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(copyQuestionToOrganization(ctx, { questionId: bank.rows[0]!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createInvitation(ctx, { email: uniqueEmail(), role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an interviewer cannot edit candidates or openings, or reschedule or cancel interviews (checked before anything is read)', async () => {
    const { ctx } = (await makeOrganization(t.db)).interviewer;
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(updateCandidate(ctx, { candidateId: id, revision: 0, name: 'Edited' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateOpening(ctx, { openingId: id, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rescheduleInterview(ctx, { interviewId: id, revision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelInterview(ctx, { interviewId: id, revision: 0, reason: 'No access' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a recruiter writes questions and reads openings and candidates', async () => {
    const org = await makeOrganization(t.db);
    const { ctx } = org.recruiter;
    const bank = await searchQuestions(ctx, { pageSize: 1 });
    const copy = await copyQuestionToOrganization(ctx, { questionId: bank.rows[0]!.id });
    expect(copy.created).toBe(true);
    expect((await getQuestion(ctx, { questionId: copy.questionId })).question).toMatchObject({ organizationId: org.organizationId, copiedFromQuestionId: bank.rows[0]!.id });
    await expect(listOpenings(ctx)).resolves.toEqual([]);
    await expect(listCandidates(ctx)).resolves.toEqual({ rows: [], total: 0, nextCursor: null });
    const members = await listMembers(ctx);
    expect(members.map((m) => m.userId).sort()).toEqual([org.admin, org.recruiter, org.hiringManager, org.interviewer].map((m) => m.user.id).sort());
  });
});
