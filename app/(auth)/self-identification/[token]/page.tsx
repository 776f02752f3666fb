// The candidate's voluntary self-identification form, reached through the link in their e-mail.
// Says why it asks and who sees what before asking anything. A GET shows the form; only the
// submission (a server action) uses the link up.
import type { Metadata } from 'next';
import { anonymousContext } from '@/lib/auth/session';
import { TOKEN_STATE_MESSAGES } from '@/lib/auth/user-tokens';
import { previewSelfIdentification } from '@/lib/fairness/self-identification';
import { SelfIdentificationForm } from '../self-identification-form';

export const metadata: Metadata = { title: 'Voluntary self-identification', referrer: 'no-referrer' };

export default async function SelfIdentificationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewSelfIdentification(anonymousContext(), token);
  if (preview.state !== 'valid') {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">Link unavailable</h1>
        <p className="mt-2 text-sm text-slate-600">{TOKEN_STATE_MESSAGES[preview.state]} If you would like to answer, ask the recruiter for a new link.</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold">Voluntary self-identification</h1>
      <div className="mt-3 space-y-2 text-sm text-slate-700">
        <p>
          {preview.organizationName} asks every candidate these questions to check that its hiring process treats all groups fairly — that no
          group is selected at a much lower rate than another (the “four-fifths rule” of US equal-employment guidelines).
        </p>
        <p>
          <strong>Answering is voluntary</strong> and has no effect on your application. Every question has “I prefer not to say”, which is also
          what is saved for any question you leave as it is.
        </p>
        <p>
          <strong>Your answers never reach your interviewers or the hiring manager.</strong> They are stored apart from your application, and only
          a designated administrator sees them — as totals for groups of at least five people, never beside your name. You can ask for them to
          be deleted together with your other data.
        </p>
        <p>This link works once. To change your answers later, ask the recruiter for a new link.</p>
      </div>
      <SelfIdentificationForm token={token} />
    </div>
  );
}
