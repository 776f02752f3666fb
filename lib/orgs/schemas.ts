// Input schemas for organizations, members and invitations; safe to import in the browser.
import { z } from 'zod';
import { Email, OrganizationName, Password, PersonName } from '../auth/schemas';
import { ROLES } from '../auth/permissions';

export const RoleInput = z.enum(ROLES, { error: 'Choose a role: admin, recruiter, hiring_manager or interviewer' });
const Id = (label: string) => z.uuid({ error: `${label} is not a valid id` });

export const CreateInvitationInput = z.object({ email: Email, role: RoleInput });
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const RevokeInvitationInput = z.object({ invitationId: Id('Invitation') });
export const ChangeMemberRoleInput = z.object({ membershipId: Id('Member'), role: RoleInput });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInput>;
export const RemoveMemberInput = z.object({ membershipId: Id('Member') });

export const InvitationToken = z.string().trim().min(20, 'This invitation link is incomplete').max(200);

export const AcceptInvitationWithSignUpInput = z.object({
  token: InvitationToken,
  name: PersonName,
  password: Password,
});

export const UpdateOrganizationInput = z.object({
  name: OrganizationName,
  leadsScoreIndependently: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  /** Months rejected and withdrawn candidates are kept; blank keeps them forever, absent keeps the current setting. */
  candidateRetentionMonths: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.coerce.number({ error: 'Enter a number of months' }).int('Enter a whole number of months').min(1, 'Keep candidates at least 1 month').max(120, 'Keep candidates at most 120 months (10 years)').nullable().optional(),
  ),
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const CreateOrganizationInput = z.object({ name: OrganizationName });
