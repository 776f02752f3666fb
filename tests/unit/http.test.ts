import { notFound, redirect } from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { errorToActionState, errorToResponse } from '@/lib/http';
import { safeCallbackUrl } from '@/lib/urls';
import { slugify } from '@/lib/orgs/slug';

describe('typed errors → HTTP', () => {
  it('maps each domain error to its status with a JSON body', async () => {
    const validation = errorToResponse(new ValidationError({ email: ['Enter a valid email address'] }));
    expect(validation.status).toBe(422);
    expect(await validation.json()).toEqual({
      error: { code: 'validation_failed', message: 'Invalid input — email: Enter a valid email address', fields: { email: ['Enter a valid email address'] } },
    });
    expect(errorToResponse(new NotFoundError('Kit')).status).toBe(404);
    expect(errorToResponse(new ForbiddenError()).status).toBe(403);
    expect(errorToResponse(new ConflictError('stale')).status).toBe(409);
  });

  it('hides unexpected errors behind a generic 500 and logs them', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = errorToResponse(new Error('connection string with password'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('password');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('turns validation errors into form field errors for server actions', () => {
    expect(errorToActionState(new ValidationError({ name: ['Enter your name'] }))).toMatchObject({ status: 'error', fields: { name: ['Enter your name'] } });
  });

  it('hands a stale edit’s form the current state with the conflict', () => {
    expect(errorToActionState(new ConflictError('stale', { revision: 3 }))).toEqual({ status: 'error', message: 'stale', code: 'conflict', current: { revision: 3 } });
    expect(errorToActionState(new ConflictError('already submitted'))).toEqual({ status: 'error', message: 'already submitted', code: 'conflict' });
  });

  it('carries the error code, so a client tells a conflict by code rather than by message text', () => {
    expect(errorToActionState(new ValidationError({ name: ['Enter your name'] }))).toMatchObject({ code: 'validation_failed' });
    expect(errorToActionState(new NotFoundError('Kit'))).toMatchObject({ status: 'error', code: 'not_found' });
  });
});

describe('server actions and Next.js control flow', () => {
  const thrownBy = (signal: () => never): unknown => {
    try {
      signal();
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to throw');
  };

  it('rethrows redirect() and notFound() instead of reporting them as failures', () => {
    for (const signal of [thrownBy(() => redirect('/kits')), thrownBy(() => notFound())]) {
      expect(() => errorToActionState(signal)).toThrow(signal as Error);
      // Wrapped by a library as the cause of another error, it still gets through.
      const wrapped = new Error('wrapped', { cause: signal });
      expect(() => errorToActionState(wrapped)).toThrow(signal as Error);
    }
  });

  it('turns any other error into a generic message and logs it', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(errorToActionState(new Error('connection string with password'))).toEqual({ status: 'error', message: 'Something went wrong on our side. Please try again.' });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('helpers', () => {
  it('accepts only same-site relative callback URLs', () => {
    expect(safeCallbackUrl('/kits?x=1')).toBe('/kits?x=1');
    expect(safeCallbackUrl('https://evil.test')).toBe('/');
    expect(safeCallbackUrl('//evil.test')).toBe('/');
    expect(safeCallbackUrl('/\\evil.test')).toBe('/');
    expect(safeCallbackUrl(undefined)).toBe('/');
    // Finding 5 of the security review: Chromium followed `/\t/evil.example` off-site, and a
    // newline in the target answered 500.
    for (const attack of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\u0000/x', '/ /\\evil.example', '/\\/evil.example', '/%2F/evil.example/../..//evil.example']) {
      const safe = safeCallbackUrl(attack);
      expect(new URL(safe, 'https://loopkit.example').origin).toBe('https://loopkit.example');
      expect(safe).not.toMatch(/[\u0000-\u001f\\]/);
    }
    expect(safeCallbackUrl('/\t/evil.example')).toBe('/');
    expect(safeCallbackUrl('/candidates/1?tab=x#y')).toBe('/candidates/1?tab=x#y');
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/');
  });

  it('slugifies organization names', () => {
    expect(slugify('Café Müller & Co.')).toBe('cafe-muller-co');
    expect(slugify('!!!')).toBe('team');
  });
});
