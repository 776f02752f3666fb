// Seeding is idempotent, and the demo organization has the shape every later screen relies on.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedBuiltinContent } from '@/db/seed/builtin';
import { loadBuiltinContent } from '@/db/seed/content';
import { DEMO_ORG_SLUG, DEMO_USERS, seedDemoOrganization } from '@/db/seed/demo';
import { getQuestionAnalytics } from '@/lib/dashboard/question-analytics';
import { getTrainingOverview, listExercises } from '@/lib/training/queries';
import {
  applications,
  candidates,
  interviews,
  kits,
  memberships,
  openings,
  organizations,
  questions,
  questionVersionSkills,
  scorecardRatings,
  scorecards,
  skills,
  users,
} from '@/db/schema';
import { setupTestDatabase } from './support/database';

// Opts out of per-test transactions: seeding runs on the connection itself; the demo data is what
// this file tests, so it may look people up by their demo names.
const t = setupTestDatabase({ isolation: 'file' });
const content = loadBuiltinContent();

async function builtinCounts() {
  const [q] = await t.db.select({ n: count() }).from(questions).where(isNull(questions.organizationId));
  const [s] = await t.db.select({ n: count() }).from(skills).where(isNull(skills.organizationId));
  const [k] = await t.db.select({ n: count() }).from(kits).where(isNull(kits.organizationId));
  const [qs] = await t.db.select({ n: count() }).from(questionVersionSkills);
  return { questions: q!.n, skills: s!.n, kits: k!.n, questionSkills: qs!.n };
}

describe('seeding', () => {
  it('inserts all built-in content once, and nothing more when run again', async () => {
    const builtin = await seedBuiltinContent(t.db, content);
    const first = await builtinCounts();
    expect(first.questions).toBe(content.questions.length);
    expect(first.skills).toBe(content.taxonomy.categories.flatMap((c) => c.skills).length);
    expect(first.kits).toBe(content.kitTemplates.length);
    expect(first.questionSkills).toBe(content.questions.reduce((n, q) => n + 1 + q.secondarySkills.length, 0));

    expect(await seedDemoOrganization(t.db, content, builtin)).toBe(true);
    const again = await seedBuiltinContent(t.db, content);
    expect(await seedDemoOrganization(t.db, content, again)).toBe(false);
    expect(await builtinCounts()).toEqual(first);
    const [orgs] = await t.db.select({ n: count() }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
    expect(orgs!.n).toBe(1);
  });

  it('gives the demo organization one user per role, openings, candidates at every stage and real feedback', async () => {
    const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
    const organizationId = org!.id;
    const roles = await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.organizationId, organizationId));
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['admin', 'recruiter', 'hiring_manager', 'interviewer']));
    expect(roles).toHaveLength(DEMO_USERS.length);

    const [openingCount] = await t.db.select({ n: count() }).from(openings).where(eq(openings.organizationId, organizationId));
    expect(openingCount!.n).toBe(3);
    const [candidateCount] = await t.db.select({ n: count() }).from(candidates).where(eq(candidates.organizationId, organizationId));
    expect(candidateCount!.n).toBe(15);
    const stages = await t.db.selectDistinct({ stage: applications.stage }).from(applications).where(eq(applications.organizationId, organizationId));
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['active', 'hired', 'rejected', 'withdrawn']));

    const [upcoming] = await t.db
      .select({ n: count() })
      .from(interviews)
      .where(and(eq(interviews.organizationId, organizationId), eq(interviews.status, 'scheduled')));
    expect(upcoming!.n).toBeGreaterThan(0);

    const [submitted] = await t.db
      .select({ n: count() })
      .from(scorecards)
      .where(and(eq(scorecards.organizationId, organizationId), eq(scorecards.status, 'submitted')));
    expect(submitted!.n).toBeGreaterThanOrEqual(30);

    // Panels agree on most skills and disagree (spread ≥ 2) on some.
    const spreads = await t.db
      .select({ spread: sql<number>`max(${scorecardRatings.rating}) - min(${scorecardRatings.rating})` })
      .from(scorecardRatings)
      .innerJoin(scorecards, eq(scorecards.id, scorecardRatings.scorecardId))
      .where(and(eq(scorecardRatings.organizationId, organizationId), eq(scorecards.status, 'submitted')))
      .groupBy(scorecards.interviewId, scorecardRatings.skillId)
      .having(sql`count(${scorecardRatings.rating}) >= 2`);
    const disagreements = spreads.filter((s) => Number(s.spread) >= 2).length;
    expect(disagreements).toBeGreaterThan(0);
    expect(disagreements).toBeLessThan(spreads.length / 2);

    // Question analytics has something to show: one question that never separates anyone
    // (everyone answers "Being stuck and asking for help" the same way) and several that do.
    const [manager] = await t.db.select().from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'hiring_manager')));
    const analytics = await getQuestionAnalytics({ db: t.db, organizationId, userId: manager!.userId, role: 'hiring_manager' }, {});
    const flat = analytics.questions.filter((q) => q.separation === 'never separates');
    expect(flat.map((q) => [q.title, q.distribution])).toEqual([['Being stuck and asking for help', { '1': 0, '2': 0, '3': 6, '4': 0 }]]);
    expect(analytics.questions.filter((q) => q.separation === 'strong').length).toBeGreaterThan(3);
  });

  it('gives the demo interviewer calibration exercises to take, and the overview others\' agreement', async () => {
    const [org] = await t.db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
    const organizationId = org!.id;
    const member = async (email: string) => {
      const [row] = await t.db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.organizationId, organizationId), eq(users.email, email)));
      return { db: t.db, organizationId, userId: row!.userId, role: row!.role };
    };
    const jonas = await listExercises(await member('interviewer@demo.loopkit.dev'));
    expect(jonas).toMatchObject({ rated: 0, total: 6 });
    expect(new Set(jonas.exercises.map((e) => e.questionTitle))).toEqual(new Set(['Streaming a large export with back-pressure', 'Mapping over many items with a concurrency limit']));
    const overview = await getTrainingOverview(await member('recruiter@demo.loopkit.dev'));
    expect(overview.samples).toBe(6);
    const rated = Object.fromEntries(overview.trainees.map((r) => [r.name, r.rated]));
    expect(rated).toMatchObject({ 'Amara Okafor': 6, "Liam O'Connor": 6, 'Sofia Alvarez': 6, 'Jonas Weber': 0 });
    // Enough for figures: each of the three has agreement with the reference, and the team an alpha.
    const amara = overview.trainees.find((r) => r.name === 'Amara Okafor')!;
    expect(amara.reference.kappa).not.toBeNull();
    expect(overview.team.alpha).not.toBeNull();
  });
});
