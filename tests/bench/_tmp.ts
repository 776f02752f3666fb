import { sql } from 'drizzle-orm';
import { connect } from '@/db/client';
import { getOpeningGrid } from '@/lib/dashboard/queries';
async function main() {
  const c = connect({ url: 'postgres://postgres@127.0.0.1:5432/loopkit_bench', max: 4 });
  const [o] = (await c.db.execute(sql`select o.id, o.organization_id as org, o.hiring_manager_user_id as u from openings o where title='Bench opening 0'`)) as unknown as { id: string; org: string; u: string }[];
  const ctx = { db: c.db, userId: o!.u, organizationId: o!.org, role: 'admin' as const };
  for (let i = 0; i < 8; i++) { const t = performance.now(); await getOpeningGrid(ctx, o!.id); console.log('grid', (performance.now() - t).toFixed(1)); }
  await c.close();
}
main();
