import 'server-only';
// Reads of the question bank: the organization's questions plus the built-in bank. Search is
// ranked full-text (tsvector) with trigram matching for typos; the filter counts are computed
// in SQL over the same match set, each facet ignoring its own filter.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { questions, questionVersions, questionVersionSkills, skills, users } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { ownOrBuiltin } from '../scoping';
import { and as allOf, list, queryRows } from '../sql';
import { excerpt } from '../text';
import { parseInput } from '../validation';
import { type Level, type QuestionKind, QuestionIdInput, SearchQuestionsInput, type SearchQuestionsFilters } from './schemas';

export interface QuestionSearchRow {
  id: string;
  versionId: string;
  title: string;
  kind: QuestionKind;
  level: Level;
  minutes: number;
  status: 'active' | 'archived';
  builtin: boolean;
  primarySkillId: string;
  primarySkill: string;
  snippet: string;
  skillIds: string[];
}

export type FacetName = 'category' | 'skill' | 'level' | 'kind' | 'status' | 'origin';
export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface QuestionSearchResult {
  rows: QuestionSearchRow[];
  total: number;
  page: number;
  pageSize: number;
  facets: FacetCounts;
  filters: SearchQuestionsFilters;
}

function filterConditions(f: SearchQuestionsFilters, except?: FacetName): SQL {
  return allOf([
    except !== 'category' && f.category.length > 0 && sql`m.category_id in (${list(f.category)})`,
    except !== 'skill' && f.skill.length > 0 && sql`m.skill_ids && array[${list(f.skill)}]::uuid[]`,
    except !== 'level' && f.level.length > 0 && sql`m.level::text in (${list(f.level)})`,
    except !== 'kind' && f.kind.length > 0 && sql`m.kind::text in (${list(f.kind)})`,
    except !== 'status' && f.status !== 'all' && sql`m.status::text = ${f.status}`,
    except !== 'origin' && f.origin === 'builtin' && sql`m.organization_id is null`,
    except !== 'origin' && f.origin === 'ours' && sql`m.organization_id is not null`,
  ]);
}

const MAX_TERMS = 8;

/**
 * The tsquery for what the user typed, built inside the search statement (no extra round trip).
 * Each word also matches prefixes and up to three words of the bank that are spelt similarly
 * (pg_trgm), which is how "kubernets" finds Kubernetes; stop words ("the", "me") are dropped.
 * Words are reduced to [a-z0-9] before they reach SQL, so they cannot carry tsquery syntax.
 */
function tsQuerySql(ctx: Ctx, text: string): SQL | null {
  const terms = [...new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 2))].slice(0, MAX_TERMS);
  if (!terms.length) return null;
  return sql`(
    select to_tsquery('english', coalesce(string_agg(g.alternatives, ' & ' order by g.position), ''))
    from (
      select t.position, '(' || t.term || ':*' || coalesce((
        select string_agg(' | ' || w.word, '' order by similarity(w.word, t.term) desc)
        from (
          select distinct word from question_search_words
          where length(t.term) >= 4 and t.term ~ '^[a-z]+$' and (organization_id = ${ctx.organizationId} or organization_id is null)
            and word % t.term and word <> t.term
          order by word limit 6
        ) w
      ), '') || ')' as alternatives
      from unnest(array[${list(terms)}]::text[]) with ordinality as t(term, position)
      where to_tsvector('english', t.term) <> ''::tsvector
    ) g
  )`;
}

/**
 * The match set: the organization's and built-in questions (search projection) matching the text.
 * A built-in question the organization has copied is left out: the copy (even archived) replaces
 * it for that organization, so the bank and the kit builder never offer both.
 */
function matchSet(ctx: Ctx, query: SQL | null): SQL {
  return sql`
    select qs.question_id as id, qs.organization_id, qs.status, qs.version_id, qs.title, qs.kind, qs.level,
           qs.expected_minutes, qs.primary_skill_id, qs.category_id, qs.skill_ids, ${query ? sql`qs.search_vector` : sql`null::tsvector`} as search_vector
    from question_search qs
    where (qs.organization_id = ${ctx.organizationId}
           or (qs.organization_id is null and not exists (
             select 1 from questions copy where copy.organization_id = ${ctx.organizationId} and copy.copied_from_question_id = qs.question_id)))
      ${query ? sql`and qs.search_vector @@ (select q from tsq)` : sql``}`;
}

/** Facets whose own filter is off share one scan (GROUPING SETS); the others need their own. */
function facetSelects(f: SearchQuestionsFilters): SQL {
  const active: Record<FacetName, boolean> = {
    category: f.category.length > 0,
    skill: f.skill.length > 0,
    level: f.level.length > 0,
    kind: f.kind.length > 0,
    status: f.status !== 'all',
    origin: f.origin !== 'all',
  };
  const expr: Record<Exclude<FacetName, 'skill'>, SQL> = {
    category: sql`m.category_id::text`,
    level: sql`m.level::text`,
    kind: sql`m.kind::text`,
    status: sql`m.status::text`,
    origin: sql`case when m.organization_id is null then 'builtin' else 'ours' end`,
  };
  const parts: SQL[] = [];
  const shared = (Object.keys(expr) as (keyof typeof expr)[]).filter((name) => !active[name]);
  if (shared.length) {
    const facetName = sql.join(
      shared.map((name, i) => sql`when grouping(${expr[name]}) = 0 then ${`${name}:${i}`}`),
      sql` `,
    );
    parts.push(sql`
      select split_part(case ${facetName} end, ':', 1), coalesce(${sql.join(shared.map((name) => sql`case when grouping(${expr[name]}) = 0 then ${expr[name]} end`), sql`, `)}), count(*)::int, null
      from m where ${filterConditions(f)}
      group by grouping sets (${sql.join(shared.map((name) => sql`(${expr[name]})`), sql`, `)})`);
  }
  for (const name of (Object.keys(expr) as (keyof typeof expr)[]).filter((n) => active[n])) {
    parts.push(sql`select ${name}, ${expr[name]}, count(*)::int, null from m where ${filterConditions(f, name)} group by 2`);
  }
  parts.push(sql`select 'skill', skill_id::text, count(*)::int, null from m, unnest(m.skill_ids) as skill_id where ${filterConditions(f, 'skill')} group by 2`);
  return sql.join(parts, sql` union all `);
}

export async function searchQuestions(ctx: Ctx, input: unknown = {}): Promise<QuestionSearchResult> {
  requirePermission(ctx, 'question:read');
  const f = parseInput(SearchQuestionsInput, input);
  const query = f.q ? tsQuerySql(ctx, f.q) : null;
  const m = matchSet(ctx, query);

  // One statement: the match set is computed once and feeds both the page and every filter count.
  const statement = sql`
    with tsq as (select ${query ?? sql`null::tsquery`} as q),
    m as materialized (${m}),
    page as (
      -- Ranked only after the filters, so the (costlier) ranking runs on the rows that can show.
      select m.*, count(*) over ()::int as total,
             ${query ? sql`ts_rank_cd(m.search_vector, (select q from tsq))` : sql`0::real`} as rank
      from m
      where ${filterConditions(f)}
      order by rank desc, m.title asc, m.id asc
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}
    )
    select 'row' as facet, null as value, (row_number() over (order by page.rank desc, page.title asc, page.id asc))::int as n,
           json_build_object('id', page.id, 'version_id', page.version_id, 'title', page.title, 'kind', page.kind, 'level', page.level,
             'expected_minutes', page.expected_minutes, 'status', page.status, 'builtin', page.organization_id is null,
             'primary_skill_id', page.primary_skill_id, 'primary_skill', s.name, 'snippet', left(v.prompt, 400), 'total', page.total,
             'skill_ids', page.skill_ids)::text as data
    from page
    join question_versions v on v.id = page.version_id
    join skills s on s.id = page.primary_skill_id
    union all
    ${facetSelects(f)}`;

  type Row = {
    id: string;
    version_id: string;
    title: string;
    kind: QuestionKind;
    level: Level;
    expected_minutes: number;
    status: 'active' | 'archived';
    builtin: boolean;
    primary_skill_id: string;
    primary_skill: string;
    snippet: string;
    total: number;
    skill_ids: string[] | null;
  };
  const results = await queryRows<{ facet: FacetName | 'row'; value: string | null; n: number; data: string | null }>(ctx.db, statement);
  // UNION ALL does not keep the page's order; each row carries its position (n) within the page.
  const rows = results
    .filter((r) => r.facet === 'row')
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((r) => JSON.parse(r.data!) as Row);
  const facetRows = results.filter((r) => r.facet !== 'row') as { facet: FacetName; value: string; n: number }[];
  const facets: FacetCounts = { category: {}, skill: {}, level: {}, kind: {}, status: {}, origin: {} };
  for (const r of facetRows) facets[r.facet][r.value] = Number(r.n);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      title: r.title,
      kind: r.kind,
      level: r.level,
      minutes: Number(r.expected_minutes),
      status: r.status,
      builtin: Boolean(r.builtin),
      primarySkillId: r.primary_skill_id,
      primarySkill: r.primary_skill,
      snippet: excerpt(r.snippet, 200),
      skillIds: r.skill_ids ?? [],
    })),
    // An empty page (no match, or a page past the end) reports 0; the UI then offers to clear filters.
    total: rows.length ? Number(rows[0]!.total) : 0,
    page: f.page,
    pageSize: f.pageSize,
    facets,
    filters: f,
  };
}

/** One question at its current version, if the organization can see it (its own or built in). */
export async function getQuestion(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'question:read');
  const { questionId } = parseInput(QuestionIdInput, input);
  const [row] = await ctx.db
    .select({ question: questions, version: questionVersions, skill: skills.name })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
    .innerJoin(skills, eq(skills.id, questionVersions.primarySkillId))
    .where(and(eq(questions.id, questionId), ownOrBuiltin(questions.organizationId, ctx.organizationId)));
  if (!row) throw new NotFoundError('Question');
  const skillRows = await ctx.db
    .select({ id: skills.id, name: skills.name, isPrimary: questionVersionSkills.isPrimary })
    .from(questionVersionSkills)
    .innerJoin(skills, eq(skills.id, questionVersionSkills.skillId))
    .where(eq(questionVersionSkills.questionVersionId, row.version.id))
    .orderBy(desc(questionVersionSkills.isPrimary), asc(skills.name));
  const builtin = row.question.organizationId === null;
  // A built-in question the organization copied: its page points to the copy, which replaces it.
  const [ourCopy] = builtin
    ? await ctx.db
        .select({ id: questions.id, currentVersionId: questions.currentVersionId })
        .from(questions)
        .where(and(eq(questions.organizationId, ctx.organizationId), eq(questions.copiedFromQuestionId, row.question.id)))
        .orderBy(asc(questions.createdAt))
        .limit(1)
    : [];
  return { ...row, skills: skillRows, builtin, ourCopy: ourCopy ?? null };
}

const COMPARED_FIELDS = [
  ['title', 'Title'],
  ['prompt', 'Prompt'],
  ['kind', 'Kind'],
  ['level', 'Level'],
  ['expectedMinutes', 'Minutes'],
  ['primarySkillId', 'Primary skill'],
  ['listenFor', 'Listen for'],
  ['redFlags', 'Red flags'],
  ['followUps', 'Follow-ups'],
  ['rubric1', 'Rubric 1'],
  ['rubric2', 'Rubric 2'],
  ['rubric3', 'Rubric 3'],
  ['rubric4', 'Rubric 4'],
] as const;

/** Every version of a question, newest first, with the fields that changed from the one before. */
export async function getQuestionHistory(ctx: Ctx, input: unknown) {
  const { question } = await getQuestion(ctx, input);
  const rows = await ctx.db
    .select({ version: questionVersions, authorName: users.name, authorEmail: users.email })
    .from(questionVersions)
    .leftJoin(users, eq(users.id, questionVersions.createdByUserId))
    .where(eq(questionVersions.questionId, question.id))
    .orderBy(asc(questionVersions.version));
  const withChanges = rows.map(({ version: v, authorName, authorEmail }, i) => {
    const previous = rows[i - 1]?.version;
    const changed = previous
      ? COMPARED_FIELDS.filter(([key]) => JSON.stringify(v[key]) !== JSON.stringify(previous[key])).map(([, label]) => label)
      : [];
    // Built-in versions have no author; a deleted account leaves none either.
    const author = v.createdByUserId ? (authorName ?? authorEmail ?? 'Former member') : null;
    return { version: v, changed, author };
  });
  return { question, versions: withChanges.reverse() };
}
