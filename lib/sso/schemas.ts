// Single sign-on inputs (safe to import in the browser): the organization's OIDC settings and the
// work e-mail that starts an SSO sign-in.
import { z } from 'zod';
import { ROLES } from '../auth/permissions';

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "example.com, example.org" or one per line → ['example.com', 'example.org'], lower-case, de-duplicated. */
export function splitDomains(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
}

export const PROVISIONING = ['refuse', ...ROLES] as const;
export type Provisioning = (typeof PROVISIONING)[number];

export const SaveSsoConfigInput = z.object({
  enabled: checkbox,
  issuer: z
    .string({ error: 'Enter the issuer URL' })
    .trim()
    .min(1, 'Enter the issuer URL')
    .max(500, 'At most 500 characters')
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter the issuer URL, e.g. https://login.example.com' })),
  clientId: z.string({ error: 'Enter the client ID' }).trim().min(1, 'Enter the client ID').max(255, 'At most 255 characters'),
  /** Empty keeps the stored secret. */
  clientSecret: z.preprocess((v) => (v == null ? '' : v), z.string().max(2000, 'At most 2000 characters')),
  domains: z.preprocess(
    (v) => (typeof v === 'string' ? splitDomains(v) : v),
    z
      .array(z.string(), { error: 'Enter at least one e-mail domain' })
      .min(1, 'Enter at least one e-mail domain')
      .max(20, 'At most 20 domains')
      // One message on the field (not on domains.3), naming what is wrong.
      .superRefine((list, ctx) => {
        const bad = list.filter((d) => !DOMAIN.test(d));
        if (bad.length) ctx.addIssue({ code: 'custom', message: `Not an e-mail domain: ${bad.slice(0, 3).join(', ').slice(0, 200)}. Enter domains such as example.com, separated by commas` });
      }),
  ),
  provisioning: z.enum(PROVISIONING, { error: 'Choose what happens to new people' }),
  passwordSignInDisabled: checkbox,
});
export type SaveSsoConfigInput = z.infer<typeof SaveSsoConfigInput>;

export const StartSsoInput = z.object({
  email: z.string({ error: 'Enter your work e-mail' }).trim().toLowerCase().max(320).pipe(z.email('Enter your work e-mail, e.g. you@company.com')),
});

/** Shown wherever a password would be used by someone whose organization signs in with SSO. */
export const SSO_REQUIRED_MESSAGE = 'Your organization signs in with single sign-on. Use “Continue with single sign-on” with your work e-mail.';

/** The domain part of an e-mail address, lower-case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}
