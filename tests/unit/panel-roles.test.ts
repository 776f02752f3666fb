// The two pure rules behind shadow panelists: which cards count, and when scheduling warns.
import { describe, expect, it } from 'vitest';
import { panelRoleCounts, scorecardCounts } from '@/db/counted';
import { panelRole } from '@/db/schema/enums';
import { PANEL_ROLES, panelQualificationWarning } from '@/lib/interviews/schemas';

describe('scorecardCounts', () => {
  it('counts a submitted interviewer’s card, and a card whose author left the panel', () => {
    expect(scorecardCounts({ status: 'submitted', panelRole: 'interviewer' })).toBe(true);
    expect(scorecardCounts({ status: 'submitted', panelRole: null })).toBe(true);
  });

  it('never counts a shadow’s or reverse shadow’s card, nor a draft', () => {
    expect(scorecardCounts({ status: 'submitted', panelRole: 'shadow' })).toBe(false);
    expect(scorecardCounts({ status: 'submitted', panelRole: 'reverse_shadow' })).toBe(false);
    expect(scorecardCounts({ status: 'draft', panelRole: 'interviewer' })).toBe(false);
    expect(PANEL_ROLES.filter(panelRoleCounts)).toEqual(['interviewer']);
  });

  it('the browser-safe role list is the database enum', () => {
    expect([...PANEL_ROLES]).toEqual(panelRole.enumValues);
  });
});

describe('panelQualificationWarning', () => {
  const [ann, ben] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];

  it('warns when no interviewer-role panelist is qualified', () => {
    expect(panelQualificationWarning([ann, ben], {}, [])).toMatch(/No interviewer on this panel is qualified/);
  });

  it('is satisfied by one qualified interviewer, whatever the others are', () => {
    expect(panelQualificationWarning([ann, ben], { [ben]: 'shadow' }, [ann])).toBeNull();
  });

  it('does not let a qualified shadow or reverse shadow stand in for the qualified interviewer', () => {
    expect(panelQualificationWarning([ann, ben], { [ann]: 'shadow' }, [ann])).not.toBeNull();
    expect(panelQualificationWarning([ann, ben], { [ann]: 'reverse_shadow' }, [ann])).not.toBeNull();
  });

  it('says nothing about an empty panel (the form’s own error covers it)', () => {
    expect(panelQualificationWarning([], {}, [])).toBeNull();
  });
});
