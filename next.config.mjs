// Static security headers for every response (shared with the autosave fast path of
// scripts/server.mjs). The Content-Security-Policy needs a fresh nonce per request, so it is set
// in proxy.ts instead.
import requestLimits from './lib/request-limits.json' with { type: 'json' };
import securityHeaders from './lib/security-headers.json' with { type: 'json' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite ships a wasm file and data bundle; bundling it would copy them into public static
  // output and break at runtime, so Node loads it from node_modules.
  // pg-boss (and its pg driver) load plans and native-ish modules at run time: keep them external too.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'pg'],
  typedRoutes: false,
  experimental: {
    // Imports send the file's text through a server action: 10 MB of CSV, escaped, with room to
    // spare. proxy.ts refuses larger bodies with 413 first (Next.js itself would answer 500).
    serverActions: { bodySizeLimit: `${requestLimits.serverActionBodyMegabytes}mb` },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
