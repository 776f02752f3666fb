import { describe, expect, it } from 'vitest';
import { excerpt, plural } from '@/lib/text';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'candidate')).toBe('1 candidate');
    expect(plural(0, 'candidate')).toBe('0 candidates');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });
});

describe('excerpt', () => {
  it('keeps a short text whole', () => {
    expect(excerpt('Explain `SELECT ... FOR UPDATE`.', 100)).toBe('Explain SELECT ... FOR UPDATE.');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const text = 'Design a rate limiter for a public API that serves millions of requests';
    const out = excerpt(text, 30);
    expect(out).toBe('Design a rate limiter for a…');
    expect(out.length).toBeLessThanOrEqual(31);
  });

  it('drops Markdown marks but keeps snake_case names', () => {
    expect(excerpt('## Context\n\n- **Why** does `user_id` leak?', 100)).toBe('Context Why does user_id leak?');
  });

  it('cuts one very long word instead of returning nothing', () => {
    expect(excerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
