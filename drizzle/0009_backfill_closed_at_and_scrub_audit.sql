-- Applications that already left the active stage get the time they did: the latest audited move
-- to their current stage, or their last update when no move was audited (created closed, seeded).
update applications a
set closed_at = coalesce(
  (select max(e.created_at) from audit_events e
   where e.action = 'application.moved' and e.entity_id = a.id::text and e.data->>'to' = a.stage::text),
  a.updated_at)
where a.stage <> 'active' and a.closed_at is null;
--> statement-breakpoint
-- Free-text reasons move from the audit log to the rows they belong to (where erasure can clear them) ...
update interviews i
set cancellation_reason = (
  select e.data->>'reason' from audit_events e
  where e.action = 'interview.cancelled' and e.entity_id = i.id::text and e.data ? 'reason'
  order by e.created_at desc limit 1)
where i.status = 'cancelled' and i.cancellation_reason is null;
--> statement-breakpoint
update scorecards s
set reopen_reason = (
  select e.data->>'reason' from audit_events e
  where e.action = 'scorecard.reopened' and e.entity_id = s.id::text and e.data ? 'reason'
  order by e.created_at desc limit 1)
where s.reopen_reason is null
  and exists (select 1 from audit_events e where e.action = 'scorecard.reopened' and e.entity_id = s.id::text);
--> statement-breakpoint
-- ... and personal values leave the append-only log: e-mail addresses, phone numbers, free text,
-- and people's names (a skill's or an organization's name is not personal and stays).
update audit_events
set data = data - array['email', 'phone', 'reason', 'notes', 'summary', 'body']
where data ?| array['email', 'phone', 'reason', 'notes', 'summary', 'body'];
--> statement-breakpoint
update audit_events
set data = data - 'name'
where data ? 'name' and entity_type in ('candidate', 'user', 'membership', 'invitation', 'application', 'interview', 'scorecard');
