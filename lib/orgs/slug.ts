// URL-safe organization slugs, made unique with a numeric suffix.
import { like } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { organizations } from '@/db/schema';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'team';
}

export async function uniqueOrganizationSlug(db: DbExecutor, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
