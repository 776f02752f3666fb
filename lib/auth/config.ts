// Database-free Auth.js configuration, shared by proxy.ts (which must stay light and cannot
// await a lazily built instance) and the full instance in lib/auth/index.ts.
import type { NextAuthConfig } from 'next-auth';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authConfig = {
  pages: { signIn: '/sign-in', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Self-hosted deployments sit behind their own proxy; AUTH_URL pins the origin when set.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      (session as { sessionVersion?: number }).sessionVersion = typeof token.sv === 'number' ? token.sv : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;
