// The per-request cost of the session model: every request re-reads the user's session row,
// session version and memberships in one query (so sign-out, role changes and removals apply at once). Seeds
// 200 organizations × 25 members (5,000 memberships) plus the demo data on the PostgreSQL server,
// then measures that lookup, the member list and a password sign-in check.
import { randomUUID } from 'node:crypto';
import { connect } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { installJobStore } from '@/lib/jobs/runner';
import { seed } from '@/db/seed';
import { authSessions, memberships, organizations, users } from '@/db/schema';
import { authenticateWithPassword } from '@/lib/auth/accounts';
import { loadAccount } from '@/lib/auth/token-session';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';
import { listMembers } from '@/lib/orgs/queries';
import { freshBenchDatabase, percentile, timeMany } from './support';

const ORGS = 200;
const MEMBERS_PER_ORG = 25;
const ROLES: Role[] = ['admin', 'recruiter', 'hiring_manager', 'interviewer', 'interviewer'];

export async function runSessionBench(): Promise<void> {
  const url = await freshBenchDatabase();
  const connection = connect({ url, max: 4 });
  const { db } = connection;
  try {
    let started = performance.now();
    await runMigrations(connection);
    const migrateMs = performance.now() - started;
    await installJobStore(connection); // sign-up and invitations send mail through the queue
    started = performance.now();
    await seed(connection, { demo: true });
    const seedMs = performance.now() - started;

    const passwordHash = await hashPassword('bench password 123');
    const userRows = Array.from({ length: ORGS * MEMBERS_PER_ORG }, (_, i) => ({ id: randomUUID(), name: `User ${i}`, email: `user${i}@bench.test`, passwordHash }));
    for (let i = 0; i < userRows.length; i += 1000) await db.insert(users).values(userRows.slice(i, i + 1000));
    const orgRows = Array.from({ length: ORGS }, (_, i) => ({ id: randomUUID(), name: `Bench org ${i}`, slug: `bench-${i}` }));
    await db.insert(organizations).values(orgRows);
    const membershipRows = userRows.map((u, i) => ({ organizationId: orgRows[Math.floor(i / MEMBERS_PER_ORG)]!.id, userId: u.id, role: ROLES[i % ROLES.length]! }));
    // Every tenth user also belongs to a second organization, as consultants and agencies do.
    for (let i = 0; i < userRows.length; i += 10) membershipRows.push({ organizationId: orgRows[(Math.floor(i / MEMBERS_PER_ORG) + 1) % ORGS]!.id, userId: userRows[i]!.id, role: 'interviewer' });
    for (let i = 0; i < membershipRows.length; i += 1000) await db.insert(memberships).values(membershipRows.slice(i, i + 1000));
    const expiresAt = new Date(Date.now() + 7 * 24 * 3_600_000);
    const sessionRows = userRows.map((u) => ({ id: randomUUID(), userId: u.id, expiresAt }));
    for (let i = 0; i < sessionRows.length; i += 1000) await db.insert(authSessions).values(sessionRows.slice(i, i + 1000));
    console.log(`session bench: ${userRows.length} users, ${ORGS} organizations, ${membershipRows.length} memberships on PostgreSQL`);

    const N = 500;
    const sessionCheck = await timeMany(N, async (i) => {
      const session = sessionRows[(i * 37) % sessionRows.length]!;
      await loadAccount(db, { uid: session.userId, sv: 0, sid: session.id });
    });
    const memberList = await timeMany(N, async (i) => {
      const organizationId = orgRows[i % ORGS]!.id;
      await listMembers({ db, organizationId, userId: userRows[0]!.id, role: 'admin' });
    });
    const signIns = await timeMany(20, async (i) => {
      await authenticateWithPassword({ db }, { email: userRows[i]!.email, password: 'bench password 123', ip: `198.51.100.${i}` });
    });

    const result = {
      bench: 'session',
      memberships: membershipRows.length,
      migrate_ms: Math.round(migrateMs),
      seed_ms: Math.round(seedMs),
      session_check_p50_ms: percentile(sessionCheck, 50),
      session_check_p95_ms: percentile(sessionCheck, 95),
      member_list_p50_ms: percentile(memberList, 50),
      member_list_p95_ms: percentile(memberList, 95),
      password_sign_in_p50_ms: percentile(signIns, 50),
    };
    console.log(`session check (user + memberships) p50 ${result.session_check_p50_ms} ms, p95 ${result.session_check_p95_ms} ms`);
    console.log(`member list (25 members)            p50 ${result.member_list_p50_ms} ms, p95 ${result.member_list_p95_ms} ms`);
    console.log(`password sign-in (argon2id + lock-out check) p50 ${result.password_sign_in_p50_ms} ms`);
    console.log(JSON.stringify(result));
  } finally {
    await connection.close();
  }
}
