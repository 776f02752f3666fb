import { describe, expect, it } from 'vitest';
import { dirtyKeys, flatten, keepBoth, mergeWithServer, toPatch } from '@/lib/scorecards/draft';

const base = flatten({ notes: { a: 'first', b: 'shared' }, questionRatings: {}, ratings: { s1: 3 }, recommendation: null, summary: '' });

describe('scorecard draft merge', () => {
  it('sends only what changed, in the API’s shape', () => {
    const local = { ...base, 'note:a': 'first, more', 'rating:s1': 'no_evidence', 'rating:s2': 4, recommendation: 'yes' };
    const keys = dirtyKeys(base, local);
    expect(keys).toEqual(['note:a', 'rating:s1', 'rating:s2', 'recommendation']);
    expect(toPatch(local, keys)).toEqual({ notes: { a: 'first, more' }, ratings: { s1: 'no_evidence', s2: 4 }, recommendation: 'yes' });
  });

  it('keeps local edits, takes the server’s other edits, and reports real conflicts without dropping text', () => {
    const local = { ...base, 'note:a': 'mine', summary: 'my summary' };
    const server = { ...base, 'note:a': 'theirs', 'note:b': 'edited elsewhere', 'rating:s1': 2 };
    const { local: merged, conflicts } = mergeWithServer(base, local, server);
    expect(merged['note:b']).toBe('edited elsewhere');
    expect(merged['rating:s1']).toBe(2);
    expect(merged.summary).toBe('my summary');
    expect(merged['note:a']).toBe('mine');
    expect(conflicts).toEqual([{ key: 'note:a', mine: 'mine', theirs: 'theirs' }]);
    expect(keepBoth('mine', 'theirs')).toContain('theirs');
    expect(keepBoth('mine', 'theirs')).toContain('mine');
  });

  it('is not a conflict when both sides made the same change', () => {
    const local = { ...base, 'note:a': 'same' };
    expect(mergeWithServer(base, local, { ...base, 'note:a': 'same' }).conflicts).toEqual([]);
  });
});
