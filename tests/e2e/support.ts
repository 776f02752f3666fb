import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo';

export const demo = {
  password: DEMO_PASSWORD,
  admin: DEMO_USERS.find((u) => u.role === 'admin')!,
  interviewer: DEMO_USERS.find((u) => u.key === 'interviewer')!,
  manager: DEMO_USERS.find((u) => u.role === 'hiring_manager')!,
};

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}
