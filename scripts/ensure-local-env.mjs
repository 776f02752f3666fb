// Before `npm run dev`: make sure .env.local holds an AUTH_SECRET, generating one on first run
// so a new developer never has to. Existing values are never touched.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, appendFileSync } from 'node:fs';

const file = '.env.local';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(current)) {
  const secret = randomBytes(32).toString('base64url');
  appendFileSync(file, `${current && !current.endsWith('\n') ? '\n' : ''}# Generated on first run for local development.\nAUTH_SECRET=${secret}\n`);
  console.log('Generated a development AUTH_SECRET in .env.local');
}
