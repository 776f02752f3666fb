// Tenant scoping for tables that also hold built-in rows (organization_id null): a caller sees
// its own organization's rows and the built-in ones, never another organization's.
import { type AnyColumn, eq, isNull, or, type SQL } from 'drizzle-orm';

export function ownOrBuiltin(column: AnyColumn, organizationId: string): SQL {
  return or(eq(column, organizationId), isNull(column))!;
}
