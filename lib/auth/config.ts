// Database-free Auth.js configuration, shared by proxy.ts (which must stay light and cannot
// await a lazily built instance) and the full instance in lib/auth/index.ts.
import type { NextAuthConfig } from 'next-auth';

/**
 * The rolling (idle) lifetime of the session cookie: a day without a page view ends it. Never
 * longer than the absolute lifetime (SESSION_ABSOLUTE_DAYS ≥ 1, enforced per session in the
 * database by lib/auth/sessions.ts), which no amount of activity extends.
 */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

export const authConfig = {
  pages: { signIn: '/sign-in', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Self-hosted deployments sit behind their own proxy; AUTH_URL pins the origin when set.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Sign-in happens only in the full instance (lib/auth/index.ts), which also sets `sid`.
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      (session as { sessionVersion?: number }).sessionVersion = typeof token.sv === 'number' ? token.sv : 0;
      (session as { sessionId?: string }).sessionId = typeof token.sid === 'string' ? token.sid : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
