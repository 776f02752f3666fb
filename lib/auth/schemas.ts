// Input schemas for accounts and sign-in; safe to import in the browser.
import { z } from 'zod';

export const Email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'));

export const Password = z
  .string({ error: 'Enter a password' })
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const PersonName = z.string({ error: 'Enter your name' }).trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters');

export const OrganizationName = z
  .string({ error: 'Enter an organization name' })
  .trim()
  .min(2, 'Use at least 2 characters')
  .max(80, 'Use at most 80 characters');

export const SignUpInput = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  organizationName: OrganizationName,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** The random part of a one-time link (base64url of 32 bytes). */
export const UserTokenValue = z
  .string({ error: 'The link is incomplete' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'The link is incomplete');

export const ForgotPasswordInput = z.object({ email: Email });
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInput>;

export const ResetPasswordInput = z.object({ token: UserTokenValue, password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const VerifyEmailInput = z.object({ token: UserTokenValue });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;
