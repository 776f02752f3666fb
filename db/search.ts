// Keeps the bank's search projection (question_search, question_search_words) in step with
// questions' current versions. Called in the same transaction as every write that changes a
// question's current version, status or skills, and by the seeders.
import { type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from './client';

/** Rebuilds the projection rows for the questions selected by `where` (a condition on alias q). */
export async function refreshQuestionSearch(db: DbExecutor, where: SQL): Promise<void> {
  await db.execute(sql`
    insert into question_search (question_id, organization_id, version_id, status, title, kind, level, expected_minutes,
                                 primary_skill_id, category_id, skill_ids, search_vector)
    select q.id, q.organization_id, v.id, q.status, v.title, v.kind, v.level, v.expected_minutes, v.primary_skill_id, s.category_id,
           coalesce((select array_agg(qs.skill_id) from question_version_skills qs where qs.question_version_id = v.id), array[v.primary_skill_id]),
           setweight(to_tsvector('english'::regconfig, v.title), 'A') || setweight(to_tsvector('english'::regconfig, v.search_text), 'D')
    from questions q
    join question_versions v on v.id = q.current_version_id
    join skills s on s.id = v.primary_skill_id
    where ${where}
    on conflict (question_id) do update set
      organization_id = excluded.organization_id, version_id = excluded.version_id, status = excluded.status, title = excluded.title,
      kind = excluded.kind, level = excluded.level, expected_minutes = excluded.expected_minutes,
      primary_skill_id = excluded.primary_skill_id, category_id = excluded.category_id, skill_ids = excluded.skill_ids,
      search_vector = excluded.search_vector`);
  await db.execute(sql`
    insert into question_search_words (organization_id, word)
    select distinct q.organization_id, w.word
    from questions q
    join question_versions v on v.id = q.current_version_id,
         regexp_split_to_table(lower(v.search_text), '[^a-z]+') as w(word)
    where ${where} and length(w.word) between 3 and 40
    on conflict do nothing`);
}

export function questionsById(ids: string[]): SQL {
  return sql`q.id in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}
