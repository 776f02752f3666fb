import { databaseIsReachable } from '@/lib/health';

// Liveness and database reachability, for load balancers and the test harness.
export async function GET() {
  const ok = await databaseIsReachable();
  return Response.json({ status: ok ? 'ok' : 'database_unavailable' }, { status: ok ? 200 : 503 });
}
