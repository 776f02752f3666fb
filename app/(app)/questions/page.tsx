import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied, Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listQuestions } from '@/lib/questions/queries';
import { KIND_LABELS, LEVEL_LABELS } from '@/lib/questions/schemas';
import { requirePageContext } from '../page-context';

export const metadata: Metadata = { title: 'Questions' };

export default async function QuestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:read')) return <AccessDenied what="the question bank" />;
  const params = await searchParams;
  const origin = params.origin === 'builtin' || params.origin === 'ours' ? params.origin : 'all';
  const page = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
  const { rows, total, pageSize } = await listQuestions(ctx, { page, origin });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number, o = origin) => `/questions?origin=${o}&page=${p}`;

  return (
    <>
      <PageHeader
        title="Question bank"
        description="Every question carries a primary skill, guidance for the interviewer and a rubric with four anchored answers. Search, filters and editing arrive with the kit builder."
      />
      <nav aria-label="Origin" className="mb-4 flex gap-2">
        {(['all', 'builtin', 'ours'] as const).map((o) => (
          <Link key={o} href={link(1, o)} aria-current={o === origin ? 'page' : undefined} className={`rounded-full px-3 py-1 text-sm ${o === origin ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-300'}`}>
            {o === 'all' ? 'All' : o === 'builtin' ? 'Built-in' : 'Ours'}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={origin === 'ours' ? 'Your organization has no questions of its own yet' : 'No questions'}>
          Copy a built-in question to adapt it for your team.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Questions, page {page} of {pages}</caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Question</th>
                <th scope="col" className="px-4 py-3 font-semibold">Skill</th>
                <th scope="col" className="px-4 py-3 font-semibold">Kind</th>
                <th scope="col" className="px-4 py-3 font-semibold">Level</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Minutes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((q) => (
                <tr key={q.id}>
                  <td className="px-4 py-2.5">
                    <Link href={`/questions/${q.id}`} className="font-medium text-brand-700 hover:underline">
                      {q.title}
                    </Link>{' '}
                    {q.builtin ? null : <Badge tone="green">Ours</Badge>}
                  </td>
                  <td className="px-4 py-2.5 text-slate-700">{q.skill}</td>
                  <td className="px-4 py-2.5 text-slate-700">{KIND_LABELS[q.kind]}</td>
                  <td className="px-4 py-2.5 text-slate-700">{LEVEL_LABELS[q.level]}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums text-slate-700">{q.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-slate-600">
          {total} questions · page {page} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 ? <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 bg-white" href={link(page - 1)}>Previous</Link> : null}
          {page < pages ? <Link className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 bg-white" href={link(page + 1)}>Next</Link> : null}
        </span>
      </nav>
    </>
  );
}
