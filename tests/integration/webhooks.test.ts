// Webhooks (issue 12, part 5) against a real HTTP receiver on loopback that verifies every
// signature with the standardwebhooks package: delivery and signing, retries on the back-off
// schedule after 500s, disabling after failures in a row, manual redelivery with the same
// webhook-id, SSRF refusals (when saved, and at connect time for a name that resolves to
// loopback), events only from committed changes, and the tenant/permission/validation boundaries.
// Isolation 'file': the delivery job opens its own transactions and the receiver runs beside them.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '@/db/schema';
import { eraseCandidate } from '@/lib/candidates/erasure';
import { createCandidate, moveApplication } from '@/lib/candidates/mutations';
import { recordDecision } from '@/lib/decisions/mutations';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { cancelInterview } from '@/lib/interviews/mutations';
import { queryRows } from '@/lib/sql';
import { deliverWebhook, webhookMessageId, type WebhookDeliveryConfig } from '@/lib/webhooks/delivery';
import { createWebhookEndpoint, redeliverWebhook, rotateWebhookSecret, updateWebhookEndpoint, updateWebhookSettings } from '@/lib/webhooks/mutations';
import { getWebhookEndpoint } from '@/lib/webhooks/queries';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/schemas';
import { setupTestDatabase } from './support/database';
import { makeInterview, makeInterviewLoop, makeOrganization, makeSubmittedScorecard, type TestInterviewLoop, type TestOrganization, uniqueEmail } from './support/factories';
import { runFeedbackCompleteChecks } from './support/notifications';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const t = setupTestDatabase();
let org: TestInterviewLoop;
let outsider: TestOrganization;
let receiver: WebhookReceiver;

const fast: WebhookDeliveryConfig = { retrySchedule: [5, 30, 120], disableAfter: 50, timeoutMs: 5000 };

async function newEndpoint(events: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES, url = receiver.url) {
  const created = await createWebhookEndpoint(org.admin.ctx, { url, description: 'ATS', events: [...events], enabled: 'on' });
  receiver.setSecret(created.secret);
  return created;
}

/** Queued delivery jobs for an endpoint's deliveries, marked taken (as a worker would). */
async function takeQueuedJobs(endpointId: string) {
  return queryRows<{ id: string; data: { deliveryId: string; manual?: boolean }; start_after: string }>(
    t.db,
    sql`update pgboss.job set state = 'completed', completed_on = now()
        where name = 'webhooks.deliver' and state = 'created'
          and (data->>'deliveryId')::uuid in (select id from webhook_deliveries where endpoint_id = ${endpointId})
        returning id, data, start_after`,
  );
}

async function deliverAll(endpointId: string, config = fast) {
  const outcomes = [];
  for (const job of await takeQueuedJobs(endpointId)) outcomes.push(await deliverWebhook(t.db, job.data, config));
  return outcomes;
}

const deliveriesOf = (endpointId: string) => t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.createdAt, webhookDeliveries.id);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  org = await makeInterviewLoop(t.db, { startsInMs: -30 * 60_000 });
  outsider = await makeOrganization(t.db);
  await updateWebhookSettings(org.admin.ctx, { allowPrivateTargets: 'on' });
});

afterAll(() => receiver.close());
// A test that fails half-way must not leave its planned 500s to the next one.
beforeEach(() => receiver.respondWith());

describe('delivery and signature', () => {
  it('stores the secret encrypted, signs per Standard Webhooks, and logs the attempt', async () => {
    const { endpointId, secret } = await newEndpoint(['interview.scheduled']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const [stored] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(stored!.secretCiphertext).not.toContain(secret.slice(6));
    expect(stored!.secretCiphertext).toMatch(/^v1\./);

    const interviewId = await makeInterview(org.recruiter.ctx, { applicationId: org.applicationId, stageId: org.opening.stageIds[0]!, panel: [org.interviewer.ctx], startsInMs: 86_400_000 });
    const before = receiver.received.length;
    expect(await deliverAll(endpointId)).toEqual(['succeeded']);
    const request = receiver.received[before]!;
    expect(request.verified).toMatchObject({ type: 'interview.scheduled', data: { interviewId, applicationId: org.applicationId, candidateId: org.candidateId, panelUserIds: [org.interviewer.user.id] } });
    const [delivery] = await deliveriesOf(endpointId);
    expect(request.headers['webhook-id']).toBe(webhookMessageId(delivery!.id));
    expect(Number(request.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(request.headers['webhook-signature']).toMatch(/^v1,/);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200 });
    const log = await getWebhookEndpoint(org.admin.ctx, { endpointId });
    expect(log.deliveries[0]!.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, responseSnippet: 'ok thanks', error: null, manual: false })]);
    expect(log.deliveries[0]!.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(0);

    // A rotated secret signs from then on; the old one no longer verifies.
    const { secret: rotated } = await rotateWebhookSecret(org.admin.ctx, { endpointId });
    await cancelInterview(org.recruiter.ctx, { interviewId, revision: 0, reason: 'Moved to next week' });
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['interview.cancelled'], enabled: 'on' });
    await cancelInterview(org.recruiter.ctx, { interviewId: await makeInterview(org.recruiter.ctx, { applicationId: org.applicationId, stageId: org.opening.stageIds[0]!, panel: [org.interviewer.ctx], startsInMs: 86_400_000 }), revision: 0, reason: 'Panel unavailable' });
    const at = receiver.received.length;
    await deliverAll(endpointId);
    expect(receiver.received[at]!.verified).toBeNull();
    receiver.setSecret(rotated);
    await redeliverWebhook(org.admin.ctx, { deliveryId: (await deliveriesOf(endpointId)).at(-1)!.id });
    await deliverAll(endpointId);
    const last = receiver.received.at(-1)!;
    expect(last.verified).toMatchObject({ type: 'interview.cancelled' });
    expect(last.body).not.toContain('Moved to next week');
  });
});

describe('retries and disabling', () => {
  it('retries after 500s on the back-off schedule with the same webhook-id, then succeeds', async () => {
    const { endpointId } = await newEndpoint(['application.stage_changed']);
    receiver.respondWith(500, 503);
    const before = receiver.received.length;
    await moveApplication(org.recruiter.ctx, { applicationId: org.applicationId, stage: 'rejected' });
    let clock = new Date(); // after the event: its delivery is due from the moment it happened
    const config = { ...fast, now: () => clock };
    expect(await deliverAll(endpointId, config)).toEqual(['retrying']);
    let [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(delivery!.nextAttemptAt.getTime()).toBe(clock.getTime() + 5_000);
    // The retry is a job that starts no earlier than the next attempt.
    const [queued] = await takeQueuedJobs(endpointId);
    expect(new Date(queued!.start_after).getTime()).toBeGreaterThanOrEqual(clock.getTime() + 4_000);
    // Run early (a duplicate job, a clock skew): nothing is sent.
    expect(await deliverWebhook(t.db, queued!.data, config)).toBe('skipped');
    clock = new Date(clock.getTime() + 5_000);
    expect(await deliverWebhook(t.db, queued!.data, config)).toBe('retrying');
    [delivery] = await deliveriesOf(endpointId);
    expect(delivery!.nextAttemptAt.getTime()).toBe(clock.getTime() + 30_000);
    clock = new Date(clock.getTime() + 30_000);
    expect(await deliverAll(endpointId, config)).toEqual(['succeeded']);
    const requests = receiver.received.slice(before);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(requests.every((r) => r.verified)).toBe(true);
    expect(requests[0]!.verified).toMatchObject({ type: 'application.stage_changed', data: { applicationId: org.applicationId, from: 'active', to: 'rejected' } });
    const attempts = await t.db.select().from(webhookDeliveryAttempts).where(eq(webhookDeliveryAttempts.deliveryId, delivery!.id)).orderBy(webhookDeliveryAttempts.attempt);
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    expect(attempts[0]!.responseSnippet).toBe('failed with 500');
    await moveApplication(org.recruiter.ctx, { applicationId: org.applicationId, stage: 'active' });
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['application.stage_changed'], enabled: '' });
  });

  it('gives up after the last retry, and switches the endpoint off after failures in a row', async () => {
    const { endpointId } = await newEndpoint(['candidate.created']);
    receiver.respondWith(500, 500, 500);
    const make = () => createCandidate(org.recruiter.ctx, { name: 'Dana Retry', email: uniqueEmail('dana') });
    await make();
    let clock = new Date();
    const config = { retrySchedule: [1], disableAfter: 3, timeoutMs: 5000, now: () => clock };
    expect(await deliverAll(endpointId, config)).toEqual(['retrying']);
    clock = new Date(clock.getTime() + 1_000);
    expect(await deliverAll(endpointId, config)).toEqual(['failed']); // schedule exhausted: 2 attempts
    await make();
    clock = new Date();
    expect(await deliverAll(endpointId, config)).toEqual(['failed']); // third failure in a row: off
    const [endpoint] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(endpoint).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    expect(endpoint!.disabledReason).toContain('3 failed deliveries');
    // Switched off: new events are not queued for it, and redelivery is refused until it is on again.
    await make();
    expect(await deliveriesOf(endpointId)).toHaveLength(2);
    await expect(redeliverWebhook(org.admin.ctx, { deliveryId: (await deliveriesOf(endpointId))[0]!.id })).rejects.toBeInstanceOf(ConflictError);
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: 'on' });
    const [reenabled] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(reenabled).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: '' });
  });
});

describe('manual redelivery', () => {
  it('sends a delivered event again with the same webhook-id, marked manual in the log', async () => {
    const { endpointId } = await newEndpoint(['candidate.created', 'candidate.erased']);
    const { candidateId } = await createCandidate(org.recruiter.ctx, { name: 'Erin Payload', email: 'erin.payload@example.test' });
    await deliverAll(endpointId);
    const created = receiver.received.at(-1)!;
    // candidate.created carries what an ATS needs, read when sent.
    expect(created.verified).toMatchObject({ type: 'candidate.created', data: { candidateId, name: 'Erin Payload', email: 'erin.payload@example.test', erased: false } });
    const [delivery] = await deliveriesOf(endpointId);
    // The outbox row itself holds no personal data.
    expect(JSON.stringify(delivery!.payload)).not.toContain('Erin');

    await redeliverWebhook(org.admin.ctx, { deliveryId: delivery!.id });
    const jobs = await takeQueuedJobs(endpointId);
    expect(jobs.map((j) => j.data)).toEqual([{ deliveryId: delivery!.id, manual: true }]);
    await deliverWebhook(t.db, jobs[0]!.data, fast);
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(created.headers['webhook-id']);
    const log = await getWebhookEndpoint(org.admin.ctx, { endpointId });
    expect(log.deliveries.find((d) => d.id === delivery!.id)!.attemptLog.map((a) => [a.attempt, a.manual])).toEqual([
      [1, false],
      [2, true],
    ]);

    // Erasure: the event carries ids only, and a redelivered candidate.created no longer names the person.
    await eraseCandidate(org.admin.ctx, { candidateId, confirmation: 'erase' });
    await deliverAll(endpointId);
    const erased = receiver.received.at(-1)!;
    expect(erased.verified).toMatchObject({ type: 'candidate.erased', data: { candidateId } });
    expect(erased.body).not.toMatch(/Erin|erin\.payload/);
    await redeliverWebhook(org.admin.ctx, { deliveryId: delivery!.id });
    await deliverAll(endpointId);
    expect(receiver.received.at(-1)!.verified).toMatchObject({ data: { candidateId, name: null, email: null, erased: true } });
    expect(receiver.received.at(-1)!.body).not.toMatch(/Erin|erin\.payload/);
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: '' });
  });
});

describe('events from the domain functions', () => {
  it('emits scorecard.submitted, interview.feedback_complete, decision.recorded and the stage change', async () => {
    const loop = await makeInterviewLoop(t.db);
    await updateWebhookSettings(loop.admin.ctx, { allowPrivateTargets: 'on' });
    const { endpointId, secret } = await createWebhookEndpoint(loop.admin.ctx, { url: receiver.url, events: ['scorecard.submitted', 'interview.feedback_complete', 'decision.recorded', 'application.stage_changed'], enabled: 'on' });
    receiver.setSecret(secret);
    const ratings = Object.fromEntries(loop.kit.skillIds.map((id) => [id, 3 as const]));
    const scorecardId = await makeSubmittedScorecard(loop.interviewer.ctx, { interviewId: loop.interviewId, ratings, recommendation: 'strong_yes' });
    await runFeedbackCompleteChecks(t.db);
    await runFeedbackCompleteChecks(t.db); // a second check of the same completion emits nothing
    await recordDecision(loop.hiringManager.ctx, { applicationId: loop.applicationId, outcome: 'hire', rationale: 'Clear evidence on both skills, consistent panel.' });
    const before = receiver.received.length;
    await deliverAll(endpointId);
    const bodies = receiver.received.slice(before).map((r) => r.verified as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.type).sort()).toEqual(['application.stage_changed', 'decision.recorded', 'interview.feedback_complete', 'scorecard.submitted']);
    expect(bodies.find((b) => b.type === 'scorecard.submitted')!.data).toMatchObject({ scorecardId, interviewerUserId: loop.interviewer.user.id, recommendation: 'strong_yes' });
    expect(bodies.find((b) => b.type === 'interview.feedback_complete')!.data).toMatchObject({ applicationId: loop.applicationId, scorecardIds: [scorecardId] });
    expect(bodies.find((b) => b.type === 'decision.recorded')!.data).toMatchObject({ outcome: 'hire', stage: 'hired' });
    expect(JSON.stringify(bodies)).not.toContain('Clear evidence');
  });

  it('emits nothing from a change that rolls back', async () => {
    const { endpointId } = await newEndpoint(['candidate.created']);
    const jobsBefore = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = 'webhooks.deliver'`);
    await expect(
      t.db.transaction(async (tx) => {
        await createCandidate({ ...org.recruiter.ctx, db: tx }, { name: 'Rolled Back', email: uniqueEmail('rb') });
        throw new Error('the surrounding work failed');
      }),
    ).rejects.toThrow('the surrounding work failed');
    expect(await deliveriesOf(endpointId)).toHaveLength(0);
    const jobsAfter = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = 'webhooks.deliver'`);
    expect(jobsAfter[0]!.n).toBe(jobsBefore[0]!.n);
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: '' });
  });
});

describe('SSRF', () => {
  const refused = async (url: string) => {
    const error = await createWebhookEndpoint(outsider.admin.ctx, { url, events: ['candidate.created'], enabled: 'on' }).catch((e: unknown) => e);
    expect(error, url).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors.url![0]!;
  };

  it('refuses loopback, private, link-local, metadata and mapped addresses unless private targets are allowed', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://2130706433/x', // 127.0.0.1 spelt as a number
      'http://localhost:8080/x',
      'http://10.1.2.3/x',
      'http://172.20.0.1/x',
      'http://192.168.1.10/x',
      'http://169.254.1.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[::ffff:a9fe:a9fe]/x',
      'http://[fd12::1]/x',
      'http://[fe80::1]/x',
    ]) {
      expect(await refused(url)).toMatch(/private|loopback|metadata/);
    }
    expect(await refused('ftp://example.com/x')).toMatch(/http/);
    expect(await refused('https://user:pass@example.com/x')).toMatch(/user name and password/);
    expect(await refused('http://[ff02::1]/x')).toMatch(/multicast/);
    // Metadata stays refused even where private targets are allowed.
    await updateWebhookSettings(outsider.admin.ctx, { allowPrivateTargets: 'on' });
    expect(await refused('http://169.254.169.254/latest/meta-data')).toMatch(/metadata/);
    expect(await refused('http://[::ffff:169.254.169.254]/x')).toMatch(/metadata/);
    await updateWebhookSettings(outsider.admin.ctx, { allowPrivateTargets: '' });
  });

  it('checks the resolved address at connect time: a name resolving to 127.0.0.1 gets no connection', async () => {
    const { endpointId } = await newEndpoint(['candidate.created']);
    // As if the name resolved publicly when saved and was rebound to loopback afterwards.
    await t.db.update(webhookEndpoints).set({ url: `http://localhost:${receiver.port}/hooks` }).where(eq(webhookEndpoints.id, endpointId));
    await updateWebhookSettings(org.admin.ctx, { allowPrivateTargets: '' });
    const before = receiver.received.length;
    await createCandidate(org.recruiter.ctx, { name: 'Rebind Test', email: uniqueEmail('rebind') });
    expect(await deliverAll(endpointId)).toEqual(['retrying']);
    expect(receiver.received.length).toBe(before);
    const [attempt] = await t.db
      .select()
      .from(webhookDeliveryAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookDeliveryAttempts.deliveryId))
      .where(eq(webhookDeliveries.endpointId, endpointId));
    expect(attempt!.webhook_delivery_attempts.error).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1) is a private, loopback/);
    expect(attempt!.webhook_delivery_attempts.statusCode).toBeNull();
    await updateWebhookSettings(org.admin.ctx, { allowPrivateTargets: 'on' });
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: '' });
  });
});

describe('boundaries', () => {
  it('gives another organization 404 for an endpoint and a delivery', async () => {
    const { endpointId } = await newEndpoint(['candidate.created']);
    await createCandidate(org.recruiter.ctx, { name: 'Tenant Test', email: uniqueEmail('tenant') });
    const [delivery] = await deliveriesOf(endpointId);
    await expect(getWebhookEndpoint(outsider.admin.ctx, { endpointId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateWebhookEndpoint(outsider.admin.ctx, { endpointId, url: 'https://evil.example.com/x', events: ['candidate.created'], enabled: 'on' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rotateWebhookSecret(outsider.admin.ctx, { endpointId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(redeliverWebhook(outsider.admin.ctx, { deliveryId: delivery!.id })).rejects.toBeInstanceOf(NotFoundError);
    const [unchanged] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    expect(unchanged!.url).toBe(receiver.url);
    await updateWebhookEndpoint(org.admin.ctx, { endpointId, url: receiver.url, events: ['candidate.created'], enabled: '' });
  });

  it('refuses members without webhook:manage (403)', async () => {
    for (const member of [org.recruiter, org.hiringManager, org.interviewer]) {
      await expect(createWebhookEndpoint(member.ctx, { url: 'https://ats.example.com/x', events: ['candidate.created'], enabled: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(updateWebhookSettings(org.recruiter.ctx, { allowPrivateTargets: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers 422 naming the field on a bad URL or event list, and changes nothing', async () => {
    const count = async () => (await t.db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, org.organizationId))).length;
    const before = await count();
    const bad = async (input: Record<string, unknown>, field: string) => {
      const error = await createWebhookEndpoint(org.admin.ctx, { url: 'https://ats.example.com/x', events: ['candidate.created'], enabled: 'on', ...input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    };
    await bad({ url: 'not a url' }, 'url');
    await bad({ url: '' }, 'url');
    await bad({ url: 'javascript:alert(1)' }, 'url');
    await bad({ events: [] }, 'events');
    await bad({ events: ['candidate.hacked'] }, 'events.0');
    expect(await count()).toBe(before);
    const rows = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, outsider.organizationId)));
    expect(rows).toHaveLength(0);
  });
});
