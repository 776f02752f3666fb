// Logs name mail recipients only in masked form.
import { describe, expect, it } from 'vitest';
import { maskEmail } from '@/lib/mail';

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('robert.smith@example.com')).toBe('r***@example.com');
    expect(maskEmail('a@b.test')).toBe('a***@b.test');
  });

  it('hides anything that is not an address', () => {
    expect(maskEmail('not-an-address')).toBe('***');
    expect(maskEmail('@example.com')).toBe('***');
  });
});
