// The autosave bench's floor: the least a server can do for the same save, to measure Loopkit
// against on the same machine in the same run. A bare Node `http` server with postgres.js
// (prepared statements) that decodes the same Auth.js session cookie (verified tokens cached by
// their bytes, as Loopkit does), runs the same session check (user, live session row,
// memberships in one query) and the same one-statement save (revision-checked update of the
// scorecard and the note upsert, with the interview, candidate, panel and kit probes), then
// answers 200 { revision, updatedAt } or 409. No validation library, no framework, no logging.
//   PORT=… DATABASE_URL=… AUTH_SECRET=… node --import tsx tests/bench/autosave-floor.ts
import { createServer } from 'node:http';
import { decode } from 'next-auth/jwt';
import postgres from 'postgres';

const port = Number(process.env.PORT);
const secret = process.env.AUTH_SECRET!;
const sql = postgres(process.env.DATABASE_URL!, { max: 20, onnotice: () => {}, connection: { jit: 'off' } });
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'];
const verified = new Map<string, { uid: string; sv: number; sid: string }>();

async function claimsFrom(cookieHeader: string) {
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    if (!COOKIE_NAMES.includes(name)) continue;
    const token = part.slice(at + 1).trim();
    const hit = verified.get(token);
    if (hit) return hit;
    const decoded = await decode({ token, secret, salt: name }).catch(() => null);
    if (!decoded || typeof decoded.uid !== 'string' || typeof decoded.sid !== 'string') return null;
    const claims = { uid: decoded.uid, sv: Number(decoded.sv ?? 0), sid: decoded.sid };
    verified.set(token, claims);
    return claims;
  }
  return null;
}

function send(response: import('node:http').ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', async () => {
    try {
      const match = /^\/api\/v1\/scorecards\/([0-9a-f-]{36})$/.exec(request.url ?? '');
      if (request.method !== 'PATCH' || !match) return send(response, 404, { error: 'not found' });
      const claims = await claimsFrom(request.headers.cookie ?? '');
      if (!claims) return send(response, 401, { error: 'unauthenticated' });
      const rows = await sql`
        select u.id, u.session_version, s.last_seen_at, m.organization_id, m.role
        from users u
        join auth_sessions s on s.id = ${claims.sid} and s.user_id = u.id and s.revoked_at is null and s.expires_at > now()
        left join memberships m on m.user_id = u.id
        left join organizations o on o.id = m.organization_id
        where u.id = ${claims.uid}
        order by o.name`;
      const member = rows[0];
      if (!member || member.session_version !== claims.sv || !member.organization_id) return send(response, 401, { error: 'unauthenticated' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { baseRevision: number; notes: Record<string, string> };
      const [itemId, text] = Object.entries(body.notes)[0]!;
      const [saved] = await sql`
        with saved as (
          update scorecards s set revision = s.revision + 1, updated_at = now()
          where s.id = ${match[1]!} and s.organization_id = ${member.organization_id} and s.interviewer_user_id = ${claims.uid}
            and s.status = 'draft' and s.revision = ${body.baseRevision}
            and s.interview_id in (select i.id from interviews i join applications a on a.id = i.application_id
                                   join candidates c on c.id = a.candidate_id
                                   where i.id = s.interview_id and i.status <> 'cancelled' and c.erased_at is null for key share of i)
            and exists (select 1 from interview_panelists p where p.interview_id = s.interview_id and p.user_id = ${claims.uid})
            and (select count(*) from kit_items ki join interviews i on i.kit_version_id = ki.kit_version_id
                 where i.id = s.interview_id and ki.id in (${itemId}::uuid)) = 1
          returning s.id, s.organization_id, s.revision, s.updated_at),
        body_notes as (
          insert into scorecard_notes (organization_id, scorecard_id, kit_item_id, body)
          select saved.organization_id, saved.id, ${itemId}::uuid, ${text}::text from saved
          on conflict (scorecard_id, kit_item_id) do update set body = excluded.body, updated_at = now())
        select revision, updated_at from saved`;
      if (!saved) {
        const [current] = await sql`select revision from scorecards where id = ${match[1]!} and interviewer_user_id = ${claims.uid}`;
        return send(response, current ? 409 : 404, { error: { code: 'conflict', current: { revision: current?.revision } } });
      }
      send(response, 200, { revision: saved.revision, updatedAt: new Date(saved.updated_at).toISOString() });
    } catch (error) {
      console.error(error);
      send(response, 500, { error: 'internal' });
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`autosave floor on ${port}`));

process.once('SIGTERM', () => process.exit(0));
