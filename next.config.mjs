// Static security headers for every response (shared with the autosave fast path of
// scripts/server.mjs). The Content-Security-Policy needs a fresh nonce per request, so it is set
// in proxy.ts instead.
import securityHeaders from './lib/security-headers.json' with { type: 'json' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite ships a wasm file and data bundle; bundling it would copy them into public static
  // output and break at runtime, so Node loads it from node_modules.
  // pg-boss (and its pg driver) load plans and native-ish modules at run time: keep them external too.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'pg'],
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
