import { jsonWithEtag } from '@/lib/api/conditional';
import { getKit } from '@/lib/kits/queries';
import { ValidationError } from '@/lib/errors';
import { apiRoute } from '../../handler';

/** A kit with its versions and the content of one (?version, else the draft for kit writers, else the latest published). */
export const GET = apiRoute<{ kitId: string }>(async (ctx, request, { kitId }) => {
  const raw = new URL(request.url).searchParams.get('version');
  const version = raw === null || raw === '' ? undefined : Number(raw);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw ValidationError.field('version', 'must be a whole number from 1');
  const { kit, versions, current, sections, weights, coverage, builtin } = await getKit(ctx, kitId, { version });
  return jsonWithEtag(request, {
    kit: { id: kit.id, name: kit.name, isTemplate: kit.isTemplate, builtin },
    versions: versions.map((v) => ({ version: v.version, status: v.status, publishedAt: v.publishedAt?.toISOString() ?? null })),
    current: { version: current.version, status: current.status, roleTitle: current.roleTitle, level: current.level, targetMinutes: current.targetMinutes, description: current.description },
    sections,
    weights,
    coverage,
  });
});
