import 'server-only';
// Reads of the question bank: the organization's questions plus the built-in bank. Search is
// ranked full-text (tsvector) with trigram matching for typos; the filter counts are computed
// in SQL over the same match set, each facet ignoring its own filter.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { questions, questionVersions, questionVersionSkills, skills } from '@/db/schema';
import { type Ctx, requirePermission } from '../context';
import { NotFoundError } from '../errors';
import { ownOrBuiltin } from '../scoping';
import { and as allOf, list, queryRows } from '../sql';
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
    except !== 'skill' &&
      f.skill.length > 0 &&
      sql`exists (select 1 from question_version_skills qs where qs.question_version_id = m.version_id and qs.skill_id in (${list(f.skill)}))`,
    except !== 'level' && f.level.length > 0 && sql`m.level::text in (${list(f.level)})`,
    except !== 'kind' && f.kind.length > 0 && sql`m.kind::text in (${list(f.kind)})`,
    except !== 'status' && f.status !== 'all' && sql`m.status::text = ${f.status}`,
    except !== 'origin' && f.origin === 'builtin' && sql`m.organization_id is null`,
    except !== 'origin' && f.origin === 'ours' && sql`m.organization_id is not null`,
  ]);
}

/** The match set: questions the organization can see, at their current version, matching the text. */
function matchSet(ctx: Ctx, text: string): SQL {
  const tsquery = sql`websearch_to_tsquery('english', ${text})`;
  const rank = text ? sql`(ts_rank_cd(v.search_vector, ${tsquery}) * 2 + word_similarity(${text}, v.title))` : sql`0`;
  const textMatch = text ? sql`and (v.search_vector @@ ${tsquery} or ${text} <% v.search_text)` : sql``;
  return sql`
    select q.id, q.organization_id, q.status, v.id as version_id, v.title, v.kind, v.level,
           v.expected_minutes, v.primary_skill_id, s.name as primary_skill, s.category_id, v.prompt,
           ${rank} as rank
    from questions q
    join question_versions v on v.id = q.current_version_id
    join skills s on s.id = v.primary_skill_id
    where (q.organization_id = ${ctx.organizationId} or q.organization_id is null) ${textMatch}`;
}

export async function searchQuestions(ctx: Ctx, input: unknown = {}): Promise<QuestionSearchResult> {
  requirePermission(ctx, 'question:read');
  const f = parseInput(SearchQuestionsInput, input);
  const m = matchSet(ctx, f.q);

  const rowsQuery = sql`
    with m as materialized (${m})
    select m.id, m.version_id, m.title, m.kind, m.level, m.expected_minutes, m.status,
           m.organization_id is null as builtin, m.primary_skill_id, m.primary_skill,
           left(m.prompt, 220) as snippet, count(*) over ()::int as total,
           (select array_agg(qs.skill_id::text) from question_version_skills qs where qs.question_version_id = m.version_id) as skill_ids
    from m
    where ${filterConditions(f)}
    order by m.rank desc, m.title asc, m.id asc
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`;

  const facetQuery = sql`
    with m as materialized (${m})
    select 'category' as facet, m.category_id::text as value, count(*)::int as n from m where ${filterConditions(f, 'category')} group by 2
    union all
    select 'skill', qs.skill_id::text, count(distinct m.id)::int from m
      join question_version_skills qs on qs.question_version_id = m.version_id
      where ${filterConditions(f, 'skill')} group by 2
    union all
    select 'level', m.level::text, count(*)::int from m where ${filterConditions(f, 'level')} group by 2
    union all
    select 'kind', m.kind::text, count(*)::int from m where ${filterConditions(f, 'kind')} group by 2
    union all
    select 'status', m.status::text, count(*)::int from m where ${filterConditions(f, 'status')} group by 2
    union all
    select 'origin', case when m.organization_id is null then 'builtin' else 'ours' end, count(*)::int from m
      where ${filterConditions(f, 'origin')} group by 2`;

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
  const [rows, facetRows] = await Promise.all([
    queryRows<Row>(ctx.db, rowsQuery),
    queryRows<{ facet: FacetName; value: string; n: number }>(ctx.db, facetQuery),
  ]);
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
      snippet: r.snippet,
      skillIds: r.skill_ids ?? [],
    })),
    total: Number(rows[0]?.total ?? (f.page > 1 ? -1 : 0)),
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
  return { ...row, skills: skillRows, builtin: row.question.organizationId === null };
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
  const versions = await ctx.db.select().from(questionVersions).where(eq(questionVersions.questionId, question.id)).orderBy(asc(questionVersions.version));
  const withChanges = versions.map((v, i) => {
    const previous = versions[i - 1];
    const changed = previous
      ? COMPARED_FIELDS.filter(([key]) => JSON.stringify(v[key]) !== JSON.stringify(previous[key])).map(([, label]) => label)
      : [];
    return { version: v, changed };
  });
  return { question, versions: withChanges.reverse() };
}
