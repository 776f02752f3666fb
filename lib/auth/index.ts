import 'server-only';
// The full Auth.js instance: credentials (argon2id, lock-out) plus GitHub and Google when their
// env vars are set. Sessions are JWTs in an HttpOnly cookie naming a server-side session row
// (created here at every sign-in, revoked at sign-out); every request re-checks that row, the
// user, their session version and their membership in the database (lib/auth/token-session.ts).
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '../env';
import { ForbiddenError, RateLimitedError } from '../errors';
import { redeemSsoTicket } from '../sso/flow';
import { authenticateWithPassword } from './accounts';
import { clientIp } from './client-ip';
import { authConfig } from './config';
import { createAuthSession, endSessionOnSignOut } from './sessions';

class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}
class LockedOut extends CredentialsSignin {
  override code = 'locked';
}
class SsoRequired extends CredentialsSignin {
  override code = 'sso_required';
}

/** The browser's User-Agent for the session list; sign-in always runs inside a request. */
async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null; // outside a request scope: the session is listed as "Unknown device"
  }
}

function buildConfig(): NextAuthConfig {
  const e = env();
  const db = getDb();
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        try {
          const account = await authenticateWithPassword({ db: getDb() }, {
            email: credentials?.email,
            password: credentials?.password,
            ip: clientIp(request.headers, e.TRUSTED_PROXIES),
          });
          return { id: account.id, email: account.email, name: account.name, sessionVersion: account.sessionVersion };
        } catch (error) {
          if (error instanceof RateLimitedError) throw new LockedOut();
          if (error instanceof ForbiddenError) throw new SsoRequired();
          throw new InvalidCredentials();
        }
      },
    }),
    // Single sign-on ends here: lib/sso/flow.ts verified the provider's answer server-side and
    // handed the callback route a one-time ticket, so the session is the same as a password one.
    Credentials({
      id: 'sso',
      name: 'Single sign-on',
      credentials: { ticket: {} },
      async authorize(credentials) {
        const account = await redeemSsoTicket(getDb(), credentials?.ticket);
        return account ? { id: account.id, email: account.email, name: account.name, sessionVersion: account.sessionVersion } : null;
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));

  return {
    ...authConfig,
    secret: e.AUTH_SECRET,
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    providers,
    callbacks: {
      ...authConfig.callbacks,
      async jwt({ token, user }) {
        // `user` is present only at sign-in (credentials and OAuth alike): start a server-side session.
        if (user?.id) {
          token.uid = user.id;
          // OAuth users come from the adapter without our column; read it.
          const [row] = await getDb().select({ sv: users.sessionVersion }).from(users).where(eq(users.id, user.id));
          token.sv = row?.sv ?? 0;
          token.sid = (await createAuthSession(getDb(), { userId: user.id, userAgent: await requestUserAgent() })).id;
        }
        return token;
      },
    },
    events: {
      // Both POST /api/auth/signout and the sign-out server action (signOut()) end up here.
      async signOut(message) {
        if ('token' in message) await endSessionOnSignOut(getDb(), message.token);
      },
    },
  };
}

// Built on first use (env is read then, not at import) and reused: Auth.js calls this per request.
let config: NextAuthConfig | undefined;
export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= buildConfig()));

export const oauthProviders = () => {
  const e = env();
  return {
    github: Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET),
    google: Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
  };
};
