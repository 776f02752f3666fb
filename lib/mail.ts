import 'server-only';
// Outgoing e-mail. Only used when SMTP_URL is configured; otherwise the invitation link is shown
// to the admin to pass on, and nothing is sent.
import { env } from './env';

export async function sendInvitationEmail(input: { to: string; link: string; organizationName: string; invitedBy: string }): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL || !SMTP_FROM) return false;
  try {
    const nodemailer = await import('nodemailer');
    const transport = nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({
      from: SMTP_FROM,
      to: input.to,
      subject: `${input.invitedBy} invited you to ${input.organizationName} on Loopkit`,
      text: `${input.invitedBy} invited you to join ${input.organizationName} on Loopkit.\n\nAccept the invitation: ${input.link}\n\nThe link works once and expires in 7 days.`,
    });
    return true;
  } catch (error) {
    // The invitation exists either way; the admin still sees the link to share by hand.
    console.error('Sending the invitation e-mail failed', error);
    return false;
  }
}
