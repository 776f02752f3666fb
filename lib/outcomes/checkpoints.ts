// When a hire happened and when each of its checkpoints falls, written once in SQL: the outcome
// panel, the recording rule and the reminder sweep all read these fragments, so they never
// disagree about a due date.
import { type SQL, sql } from 'drizzle-orm';
import { CHECKPOINT_INTERVALS, OUTCOME_CHECKPOINTS } from './schemas';

/**
 * The hire time of an application (alias `a`): when it last left the active stage, which both a
 * "hire" decision and a manual move to hired record in closed_at (rows written before that column
 * existed, or inserted by the demo seed, fall back to the last update). Null unless hired now.
 */
export function hiredAtSql(alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`(case when ${a}.stage = 'hired' then coalesce(${a}.closed_at, ${a}.updated_at) end)`;
}

/** The due date of `checkpoint` (an SQL expression of type outcome_checkpoint or text) for a hire at `hiredAt`. */
export function checkpointDueSql(hiredAt: SQL, checkpoint: SQL): SQL {
  const cases = OUTCOME_CHECKPOINTS.map((c) => sql`when ${c} then ${hiredAt} + ${CHECKPOINT_INTERVALS[c]}::interval`);
  return sql`(case ${checkpoint}::text ${sql.join(cases, sql` `)} end)`;
}

/** Every checkpoint as a VALUES list with column `checkpoint`, to cross join hires with. */
export function checkpointValuesSql(): SQL {
  return sql`(values ${sql.join(
    OUTCOME_CHECKPOINTS.map((c) => sql`(${c}::outcome_checkpoint)`),
    sql`, `,
  )}) as cp(checkpoint)`;
}
