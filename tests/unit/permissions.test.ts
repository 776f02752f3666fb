import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleHasPermission, type Permission } from '@/lib/auth/permissions';

describe('role → permission map', () => {
  it('gives admins every permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(roleHasPermission('admin', permission)).toBe(true);
  });

  it('keeps member management with admins only', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(roleHasPermission(role, 'member:manage')).toBe(false);
      expect(roleHasPermission(role, 'member:invite')).toBe(false);
      expect(roleHasPermission(role, 'org:manage')).toBe(false);
    }
  });

  it('limits interviewers to reading the bank and kits and writing their own scorecards', () => {
    expect([...ROLE_PERMISSIONS.interviewer].sort()).toEqual(['kit:read', 'question:read', 'scorecard:write_own']);
  });

  it('lets recruiters (who coordinate the debrief) and hiring managers read all submitted feedback, not interviewers', () => {
    expect(roleHasPermission('hiring_manager', 'scorecard:read_all')).toBe(true);
    expect(roleHasPermission('recruiter', 'scorecard:read_all')).toBe(true);
    expect(roleHasPermission('interviewer', 'scorecard:read_all')).toBe(false);
  });

  it('leaves the hiring decision to hiring managers and admins', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'decision:record'))).toEqual(['admin', 'hiring_manager']);
  });

  it('keeps names under blind review on candidate pages only for those who contact candidates', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, 'candidate:contact'))).toEqual(['admin', 'recruiter']);
  });

  it('only names permissions that exist', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toHaveProperty(p);
  });
});
