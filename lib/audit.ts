// Writes append-only audit events. Called inside the same transaction as the change it records,
// so an audit row exists exactly when the change does.
import type { DbExecutor } from '@/db/client';
import { auditEvents } from '@/db/schema';

export interface AuditInput {
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

export async function recordAudit(db: DbExecutor, event: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: event.organizationId,
    actorUserId: event.actorUserId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    data: event.data ?? {},
  });
}
