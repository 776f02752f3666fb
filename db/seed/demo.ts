// The demo organization: one user per role, three openings, fifteen candidates at different
// stages, and interviews whose submitted scorecards agree and disagree the way real panels do,
// so every screen has data in its first minute. Seeded once; re-running changes nothing.
import { rebuildScoreAnalytics } from '../analytics';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import {
  calibrationRatings,
  calibrationSamples,
  kitQualifications,
  applications,
  candidates,
  interviewPanelists,
  interviews,
  kitItems,
  kitSkillWeights,
  kitVersions,
  memberships,
  openingSkillWeights,
  openingStages,
  openings,
  organizations,
  questionVersions,
  scorecardNotes,
  scorecardRatings,
  scorecards,
  users,
} from '../schema';
import { insertKitVersion, type BuiltinIds } from './builtin';
import type { BuiltinContent } from './content';

export const DEMO_ORG_SLUG = 'northwind-demo';
/** The published development password; production never uses it unless DEMO_PASSWORD says so. */
export const DEMO_PASSWORD = 'loopkit-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.loopkit.dev';

export const DEMO_USERS = [
  { key: 'admin', name: 'Priya Raman', email: 'admin@demo.loopkit.dev', role: 'admin' },
  { key: 'recruiter', name: 'Marcus Chen', email: 'recruiter@demo.loopkit.dev', role: 'recruiter' },
  { key: 'manager', name: 'Sofia Alvarez', email: 'manager@demo.loopkit.dev', role: 'hiring_manager' },
  { key: 'interviewer', name: 'Jonas Weber', email: 'interviewer@demo.loopkit.dev', role: 'interviewer' },
  { key: 'amara', name: 'Amara Okafor', email: 'amara@demo.loopkit.dev', role: 'interviewer' },
  { key: 'liam', name: "Liam O'Connor", email: 'liam@demo.loopkit.dev', role: 'interviewer' },
] as const;
type DemoUserKey = (typeof DEMO_USERS)[number]['key'];

const QUALIFIED_FOR_EVERY_KIT: DemoUserKey[] = ['interviewer', 'amara', 'manager'];

// How each interviewer tends to rate: Amara is lenient, Liam severe, the rest near the panel.
const RATER_BIAS: Record<DemoUserKey, number> = { admin: 0, recruiter: 0, manager: 0.15, interviewer: -0.1, amara: 0.6, liam: -0.55 };

interface DemoCandidate {
  name: string;
  email: string;
  location: string;
  source: string;
  opening: 0 | 1 | 2;
  stage: 'active' | 'hired' | 'rejected' | 'withdrawn';
  /** Underlying ability on the 1–4 scale; ratings scatter around it. */
  ability: number;
  /** How many interview stages have happened (with submitted feedback). */
  interviewsDone: number;
  /** A panel that splits: one rater sees this candidate very differently. */
  split?: boolean;
  upcoming?: boolean;
}

const CANDIDATES: DemoCandidate[] = [
  { name: 'Elena Petrova', email: 'elena.petrova@example.com', location: 'Berlin', source: 'Referral', opening: 0, stage: 'hired', ability: 3.6, interviewsDone: 2 },
  { name: 'David Okonkwo', email: 'david.okonkwo@example.com', location: 'Lagos (remote)', source: 'LinkedIn', opening: 0, stage: 'active', ability: 3.2, interviewsDone: 2, split: true },
  { name: 'Hannah Schmidt', email: 'hannah.schmidt@example.com', location: 'Munich', source: 'Careers page', opening: 0, stage: 'active', ability: 2.9, interviewsDone: 1, upcoming: true },
  { name: 'Rahul Mehta', email: 'rahul.mehta@example.com', location: 'Pune (remote)', source: 'Agency', opening: 0, stage: 'rejected', ability: 1.9, interviewsDone: 1 },
  { name: 'Chloé Martin', email: 'chloe.martin@example.com', location: 'Lyon', source: 'Referral', opening: 0, stage: 'active', ability: 3.4, interviewsDone: 1 },
  { name: 'Tomás Silva', email: 'tomas.silva@example.com', location: 'Lisbon', source: 'Meetup', opening: 0, stage: 'active', ability: 2.5, interviewsDone: 0, upcoming: true },
  { name: 'Grace Kim', email: 'grace.kim@example.com', location: 'Seoul (remote)', source: 'LinkedIn', opening: 0, stage: 'withdrawn', ability: 3.1, interviewsDone: 1 },
  { name: 'Yusuf Demir', email: 'yusuf.demir@example.com', location: 'Istanbul', source: 'Careers page', opening: 1, stage: 'active', ability: 3.5, interviewsDone: 2 },
  { name: 'Olivia Brown', email: 'olivia.brown@example.com', location: 'London', source: 'Referral', opening: 1, stage: 'active', ability: 2.8, interviewsDone: 2, split: true },
  { name: 'Kenji Tanaka', email: 'kenji.tanaka@example.com', location: 'Tokyo (remote)', source: 'GitHub', opening: 1, stage: 'rejected', ability: 2.1, interviewsDone: 1 },
  { name: 'Fatima Zahra', email: 'fatima.zahra@example.com', location: 'Casablanca', source: 'LinkedIn', opening: 1, stage: 'active', ability: 3.0, interviewsDone: 1, upcoming: true },
  { name: 'Noah Johansson', email: 'noah.johansson@example.com', location: 'Stockholm', source: 'Agency', opening: 1, stage: 'active', ability: 2.6, interviewsDone: 0 },
  { name: 'Aisha Bello', email: 'aisha.bello@example.com', location: 'Manchester', source: 'Bootcamp partner', opening: 2, stage: 'active', ability: 2.7, interviewsDone: 1 },
  { name: 'Lucas Moreau', email: 'lucas.moreau@example.com', location: 'Brussels', source: 'Careers page', opening: 2, stage: 'rejected', ability: 1.7, interviewsDone: 1 },
  { name: 'Mei Lin', email: 'mei.lin@example.com', location: 'Singapore (remote)', source: 'University fair', opening: 2, stage: 'active', ability: 3.0, interviewsDone: 1, split: true },
];

const OPENINGS = [
  {
    title: 'Backend Engineer — Node.js',
    level: 'mid',
    description: 'Build and run the APIs behind our logistics platform: Node.js, PostgreSQL, AWS.',
    stages: [
      { name: 'Technical interview', template: 'backend-engineer-nodejs', duration: 75, panel: ['interviewer', 'amara', 'liam'] as DemoUserKey[] },
      { name: 'Collaboration interview', template: 'behavioural-collaboration', duration: 45, panel: ['manager', 'amara'] as DemoUserKey[] },
    ],
  },
  {
    title: 'Senior Backend Engineer — Platform',
    level: 'senior',
    description: 'Own the architecture and security of the services that every team builds on.',
    stages: [
      { name: 'System design and security', template: 'senior-backend-system-design-security', duration: 90, panel: ['manager', 'liam', 'interviewer'] as DemoUserKey[] },
      { name: 'Collaboration interview', template: 'behavioural-collaboration', duration: 45, panel: ['recruiter', 'amara'] as DemoUserKey[] },
    ],
  },
  {
    title: 'Junior Backend Developer',
    level: 'junior',
    description: 'Grow with the team while shipping well-tested endpoints and fixes.',
    stages: [{ name: 'Technical interview', template: 'junior-backend-developer', duration: 60, panel: ['interviewer', 'amara'] as DemoUserKey[] }],
  },
] as const;

// A question every candidate answers the same way (everyone "asks for help after a while"), so
// question analytics has one that never separates anyone. Its ratings are overridden after the
// random draws, which keeps every other figure of the demo unchanged.
const FLAT_QUESTION_KEY = 'teamwork-1';
const FLAT_QUESTION_RATING = 3;

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTE_BANK: Record<1 | 2 | 3 | 4, string[]> = {
  1: [
    'Struggled to get started; needed the question restated twice and did not reach a working approach.',
    'Answer stayed vague. Could not give a concrete example when asked to go deeper.',
  ],
  2: [
    'Reached a partial answer with hints. Missed the main trade-off until prompted.',
    'Knew the vocabulary but the reasoning was shaky under follow-ups.',
  ],
  3: [
    'Solid, structured answer. Covered the main points and handled the first follow-up well.',
    'Worked through it methodically and explained the trade-offs clearly.',
  ],
  4: [
    'Excellent: went beyond the question, raised failure modes unprompted and quantified the trade-offs.',
    'Outstanding depth. Clear, precise, and taught me something about the topic.',
  ],
};

const SUMMARY_BY_RECOMMENDATION = {
  strong_yes: 'Clear hire. Strong across the board with depth where it matters for this role; I would be glad to work with them.',
  yes: 'Hire. Solid fundamentals and good communication; a couple of gaps that onboarding can close.',
  no: 'Not yet. Some good moments, but the core skills for this level were not consistently there.',
  strong_no: 'No hire. Significant gaps in the fundamentals this role depends on.',
} as const;

function recommendationFor(mean: number): keyof typeof SUMMARY_BY_RECOMMENDATION {
  if (mean >= 3.4) return 'strong_yes';
  if (mean >= 2.7) return 'yes';
  if (mean >= 2.0) return 'no';
  return 'strong_no';
}

// Interviewer training: six sample answers to two questions of the Node.js kit, from weak to
// excellent, each with its reference rating and why. Amara (lenient), Liam (severe) and Sofia have
// rated them, so the training overview shows agreement figures; Jonas, the demo interviewer, has
// not, so whoever tries the demo as him can take the exercises blind.
type Rating = 1 | 2 | 3 | 4;
const TRAINING_SAMPLES: { question: string; answer: string; reference: Rating; rationale: string; ratings: Partial<Record<DemoUserKey, Rating>> }[] = [
  {
    question: 'nodejs-3',
    answer: 'The server is running out of memory, so I would raise --max-old-space-size to 8 GB and maybe move the export to a bigger instance. If that is not enough we could build the CSV in a background job and upload it to S3.',
    reference: 1,
    rationale: 'Treats the symptom (memory) as the fix and never mentions back-pressure or what res.write returns: the "Poor" anchor word for word. The background job is a reasonable idea for later, not an answer to why memory climbs.',
    ratings: { amara: 2, liam: 1, manager: 1 },
  },
  {
    question: 'nodejs-3',
    answer: 'res.write returns false when the socket buffer is full, and the loop ignores it, so rows pile up in memory whenever the client reads slower than the database. I would turn the cursor into a Readable stream and connect it to the response with stream.pipeline, which also cleans up if the client disconnects.',
    reference: 3,
    rationale: 'Explains the cause precisely (ignored false from res.write) and fixes it with pipeline, including cleanup on disconnect: "Solid". Not 4: no word on closing the database cursor, batching reads or highWaterMark tuning.',
    ratings: { amara: 4, liam: 3, manager: 3 },
  },
  {
    question: 'nodejs-3',
    answer: "The loop ignores back-pressure: res.write returns false past highWaterMark and the rows buffer in memory. I would read the cursor in batches through an async generator, wrap it with Readable.from, then pipeline(source, csvTransform, gzip, res) from stream/promises. On client abort pipeline destroys every stream, and the generator's finally block closes the cursor. I would check memory stays flat with a slow client (curl --limit-rate) under load.",
    reference: 4,
    rationale: 'Everything in "Solid" plus cursor cleanup on abort, batched reads, compression in the same pipeline, and a way to verify memory stays flat: the "Excellent" anchor.',
    ratings: { amara: 4, liam: 3, manager: 4 },
  },
  {
    question: 'nodejs-2',
    answer: 'I split the ids into chunks of `limit` and run `await Promise.all(chunk.map(fn))` for each chunk, then concatenate the results. That never has more than `limit` calls in flight.',
    reference: 2,
    rationale: 'Respects the limit and keeps the order, but each batch waits for its slowest call, so throughput collapses when one call is slow: the "Weak" anchor. No error policy.',
    ratings: { amara: 3, liam: 2, manager: 3 },
  },
  {
    question: 'nodejs-2',
    answer: 'Start `limit` workers; each loops taking `next++` from a shared index and awaits fn(items[i]), writing the result to results[i]. Promise.all over the workers resolves when all items are done. If fn throws I stop handing out new indexes and reject with the first error. An empty array resolves to [] at once.',
    reference: 3,
    rationale: 'A correct worker pool with ordered results, a stated fail-fast policy and the empty case: "Solid". Not 4: no word on why the shared counter is safe, on rate versus concurrency, timeouts or cancellation.',
    ratings: { amara: 3, liam: 3, manager: 3 },
  },
  {
    question: 'nodejs-2',
    answer: 'Promise.all(items.map(fn)) is fine: Node only runs one thing at a time anyway, so the partner API will not see more than a few requests at once.',
    reference: 1,
    rationale: 'Believes Promise.all respects a limit because JavaScript is single-threaded: all 10,000 requests start at once. The "Poor" anchor and the first red flag.',
    ratings: { amara: 1, liam: 1, manager: 1 },
  },
];

async function insertTrainingSamples(tx: DbExecutor, organizationId: string, builtin: BuiltinIds, uid: (key: DemoUserKey) => string): Promise<void> {
  for (const sample of TRAINING_SAMPLES) {
    const questionVersionId = builtin.questionVersionIdByKey.get(sample.question);
    if (!questionVersionId) continue;
    const [version] = await tx.select({ questionId: questionVersions.questionId }).from(questionVersions).where(eq(questionVersions.id, questionVersionId));
    const [row] = await tx
      .insert(calibrationSamples)
      .values({ organizationId, questionId: version!.questionId, questionVersionId, answer: sample.answer, referenceRating: sample.reference, referenceRationale: sample.rationale, createdByUserId: uid('recruiter') })
      .returning({ id: calibrationSamples.id });
    const ratings = Object.entries(sample.ratings) as [DemoUserKey, Rating][];
    await tx.insert(calibrationRatings).values(ratings.map(([key, rating]) => ({ organizationId, sampleId: row!.id, userId: uid(key), rating })));
  }
}

export async function demoOrganizationExists(db: DbExecutor): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG)).limit(1);
  return rows.length > 0;
}

export async function seedDemoOrganization(db: DbExecutor, content: BuiltinContent, builtin: BuiltinIds, password = DEMO_PASSWORD): Promise<boolean> {
  if (await demoOrganizationExists(db)) return false;
  const passwordHash = await hash(password, { algorithm: 2 });
  const random = mulberry32(20261121);
  const DAY = 86_400_000;
  const now = Date.now();

  await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: 'Northwind Labs (demo)', slug: DEMO_ORG_SLUG }).returning();
    const organizationId = org!.id;

    const userIdByKey = new Map<DemoUserKey, string>();
    for (const u of DEMO_USERS) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      const id =
        existing?.id ?? (await tx
          .insert(users)
          // Demo addresses receive no mail: they are seeded as verified (they may accept invitations).
          .values({ name: u.name, email: u.email, passwordHash, emailVerified: new Date(now) })
          .returning({ id: users.id }))[0]!.id;
      userIdByKey.set(u.key, id);
      await tx.insert(memberships).values({ organizationId, userId: id, role: u.role });
    }
    const uid = (key: DemoUserKey) => userIdByKey.get(key)!;

    // The organization's own kits, copied from the built-in templates.
    const kitByTemplate = new Map<string, { kitId: string; versionId: string }>();
    for (const template of content.kitTemplates) {
      const versionId = await insertKitVersion(tx, {
        organizationId,
        kit: { name: template.name },
        version: { roleTitle: template.roleTitle, level: template.level, targetMinutes: template.targetMinutes, description: template.description },
        weights: template.skills.map((s) => ({ skillId: builtin.skillIdBySlug.get(s.skill)!, weight: s.weight })),
        sections: template.sections.map((section) => ({
          title: section.title,
          items: section.items.map((item) => ({ questionVersionId: builtin.questionVersionIdByKey.get(item.question)!, minutes: item.minutes })),
        })),
      });
      const [kv] = await tx.select({ kitId: kitVersions.kitId }).from(kitVersions).where(eq(kitVersions.id, versionId));
      kitByTemplate.set(template.key, { kitId: kv!.kitId, versionId });
      // The experienced interviewers are qualified for every kit; Liam is still in training, so a
      // panel where he is the only interviewer gets the "no qualified member" warning.
      await tx
        .insert(kitQualifications)
        .values(QUALIFIED_FOR_EVERY_KIT.map((key) => ({ organizationId, kitId: kv!.kitId, userId: uid(key), qualifiedByUserId: uid('admin') })))
        .onConflictDoNothing();
    }

    const openingRows: { id: string; stages: { id: string; versionId: string; duration: number; panel: readonly DemoUserKey[] }[] }[] = [];
    for (const spec of OPENINGS) {
      const [opening] = await tx
        .insert(openings)
        .values({ organizationId, title: spec.title, level: spec.level, description: spec.description, hiringManagerUserId: uid('manager') })
        .returning({ id: openings.id });
      const stages = [];
      const weights = new Map<string, number>();
      for (const [position, stage] of spec.stages.entries()) {
        const kit = kitByTemplate.get(stage.template)!;
        const [row] = await tx
          .insert(openingStages)
          .values({ organizationId, openingId: opening!.id, position, name: stage.name, kitId: kit.kitId, durationMinutes: stage.duration })
          .returning({ id: openingStages.id });
        stages.push({ id: row!.id, versionId: kit.versionId, duration: stage.duration, panel: stage.panel });
        for (const w of await tx.select().from(kitSkillWeights).where(eq(kitSkillWeights.kitVersionId, kit.versionId))) {
          weights.set(w.skillId, Math.max(weights.get(w.skillId) ?? 0, w.weight));
        }
      }
      await tx
        .insert(openingSkillWeights)
        .values([...weights].map(([skillId, weight]) => ({ organizationId, openingId: opening!.id, skillId, weight })));
      openingRows.push({ id: opening!.id, stages });
    }

    for (const [index, person] of CANDIDATES.entries()) {
      const [candidate] = await tx
        .insert(candidates)
        .values({ organizationId, name: person.name, email: person.email, location: person.location, source: person.source, createdAt: new Date(now - (30 - index) * DAY) })
        .returning({ id: candidates.id });
      const opening = openingRows[person.opening]!;
      const currentStage = opening.stages[Math.min(person.interviewsDone, opening.stages.length - 1)]!;
      const [application] = await tx
        .insert(applications)
        .values({ organizationId, candidateId: candidate!.id, openingId: opening.id, stage: person.stage, currentStageId: currentStage.id })
        .returning({ id: applications.id });

      const stagesToRun = opening.stages.slice(0, person.interviewsDone);
      for (const [stageIndex, stage] of stagesToRun.entries()) {
        const scheduledAt = new Date(now - (12 - index * 0.5 - stageIndex * 3) * DAY);
        await insertInterviewWithFeedback(tx, {
          organizationId,
          applicationId: application!.id,
          stage,
          scheduledAt,
          panel: stage.panel.map((key) => ({ key, userId: uid(key) })),
          ability: person.ability,
          split: Boolean(person.split) && stageIndex === 0,
          random,
          flatQuestionVersionId: builtin.questionVersionIdByKey.get(FLAT_QUESTION_KEY),
          createdBy: uid('recruiter'),
        });
      }
      if (person.upcoming && person.stage === 'active') {
        const stage = opening.stages[Math.min(person.interviewsDone, opening.stages.length - 1)]!;
        // One of them is under way (started five minutes ago), so its panel can submit today;
        // the others lie ahead, where a scorecard takes notes but cannot be submitted yet.
        const startsAt = index % 3 === 1 ? now - 5 * 60_000 : now + (index % 3) * DAY + 2 * 3_600_000;
        const [interview] = await tx
          .insert(interviews)
          .values({
            organizationId,
            applicationId: application!.id,
            openingStageId: stage.id,
            kitVersionId: stage.versionId,
            scheduledAt: new Date(startsAt),
            durationMinutes: stage.duration,
            createdByUserId: uid('recruiter'),
          })
          .returning({ id: interviews.id });
        await tx.insert(interviewPanelists).values(stage.panel.map((key) => ({ organizationId, interviewId: interview!.id, userId: uid(key) })));
      }
    }
    await insertTrainingSamples(tx, organizationId, builtin, uid);
    // Submitted scorecards were written directly, so the dashboard's tallies are built in one go.
    await rebuildScoreAnalytics(tx, organizationId);
  });
  return true;
}

interface InterviewSpec {
  organizationId: string;
  applicationId: string;
  stage: { id: string; versionId: string; duration: number };
  scheduledAt: Date;
  panel: { key: DemoUserKey; userId: string }[];
  ability: number;
  split: boolean;
  random: () => number;
  flatQuestionVersionId: string | undefined;
  createdBy: string;
}

async function insertInterviewWithFeedback(tx: DbExecutor, spec: InterviewSpec): Promise<void> {
  const { organizationId, random } = spec;
  const [interview] = await tx
    .insert(interviews)
    .values({
      organizationId,
      applicationId: spec.applicationId,
      openingStageId: spec.stage.id,
      kitVersionId: spec.stage.versionId,
      scheduledAt: spec.scheduledAt,
      durationMinutes: spec.stage.duration,
      // Read by nothing in the app (lib/interviews/status.ts derives "complete" from the cards);
      // tests find the demo's upcoming interviews as the ones still 'scheduled'.
      status: 'completed',
      createdByUserId: spec.createdBy,
    })
    .returning({ id: interviews.id });
  await tx.insert(interviewPanelists).values(spec.panel.map((p) => ({ organizationId, interviewId: interview!.id, userId: p.userId })));
  const weights = await tx.select().from(kitSkillWeights).where(eq(kitSkillWeights.kitVersionId, spec.stage.versionId));
  const items = await tx.select().from(kitItems).where(eq(kitItems.kitVersionId, spec.stage.versionId)).orderBy(kitItems.position);
  // Each candidate is stronger in some skills than others; the panel sees the same person.
  const skillOffset = new Map(weights.map((w) => [w.skillId, (random() - 0.5) * 1.2]));

  for (const [panelIndex, rater] of spec.panel.entries()) {
    const divergent = spec.split && panelIndex === spec.panel.length - 1;
    const ratings = weights.map((w) => {
      if (random() < 0.06) return { skillId: w.skillId, rating: null, noEvidence: true };
      let value = spec.ability + skillOffset.get(w.skillId)! + RATER_BIAS[rater.key] + (random() - 0.5) * 0.8;
      if (divergent) value = spec.ability >= 2.5 ? value - 2 : value + 2;
      return { skillId: w.skillId, rating: Math.max(1, Math.min(4, Math.round(value))), noEvidence: false };
    });
    const rated = ratings.filter((r) => r.rating !== null).map((r) => r.rating);
    const mean = rated.reduce((a, b) => a + b, 0) / Math.max(1, rated.length);
    const recommendation = recommendationFor(mean);
    // The last rater on a recent interview still owes feedback: a draft, not yet submitted.
    const draft = spec.scheduledAt.getTime() > Date.now() - 2 * 86_400_000 && panelIndex === spec.panel.length - 1;
    const submittedAt = new Date(spec.scheduledAt.getTime() + (1 + random() * 30) * 3_600_000);
    const [scorecard] = await tx
      .insert(scorecards)
      .values({
        organizationId,
        interviewId: interview!.id,
        interviewerUserId: rater.userId,
        status: draft ? 'draft' : 'submitted',
        recommendation: draft ? null : recommendation,
        summary: draft ? '' : SUMMARY_BY_RECOMMENDATION[recommendation],
        revision: draft ? 3 : 12,
        submittedAt: draft ? null : submittedAt,
      })
      .returning({ id: scorecards.id });
    await tx.insert(scorecardRatings).values(ratings.map((r) => ({ organizationId, scorecardId: scorecard!.id, ...r })));
    await tx.insert(scorecardNotes).values(
      items.map((item) => {
        const drawn = Math.max(1, Math.min(4, Math.round(mean + (random() - 0.5) * 1.4))) as 1 | 2 | 3 | 4;
        const rating = item.questionVersionId === spec.flatQuestionVersionId ? FLAT_QUESTION_RATING : drawn;
        const bank = NOTE_BANK[rating];
        return { organizationId, scorecardId: scorecard!.id, kitItemId: item.id, body: bank[Math.floor(random() * bank.length)]!, rating };
      }),
    );
  }
}
