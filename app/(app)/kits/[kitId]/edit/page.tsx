import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AccessDenied, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { getKit } from '@/lib/kits/queries';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { orNotFound, requirePageContext } from '../../../page-context';
import { KitBuilder } from './kit-builder';

export const metadata: Metadata = { title: 'Kit builder' };

export default async function KitBuilderPage({ params }: { params: Promise<{ kitId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'kit:write')) return <AccessDenied what="building kits" />;
  const { kitId } = await params;
  const kit = await orNotFound(getKit(ctx, kitId));
  if (kit.builtin || kit.current.status !== 'draft') redirect(`/kits/${kitId}`);
  const taxonomy = await listSkillTaxonomy(ctx);
  return (
    <>
      <PageHeader title={`Build: ${kit.kit.name}`} description={`Draft of version ${kit.current.version}. Publish to freeze it for interviews.`} />
      <KitBuilder
        kitId={kit.kit.id}
        revision={kit.current.revision}
        version={kit.current.version}
        meta={{ name: kit.kit.name, roleTitle: kit.current.roleTitle, level: kit.current.level, targetMinutes: kit.current.targetMinutes, description: kit.current.description }}
        weights={kit.weights.map((w) => ({ skillId: w.skillId, weight: w.weight }))}
        sections={kit.sections.map((s) => ({
          key: s.id,
          title: s.title,
          items: s.items.map((i) => ({
            key: i.id,
            questionVersionId: i.questionVersionId,
            questionId: i.questionId,
            title: i.title,
            minutes: i.minutes,
            level: i.level,
            kind: i.kind,
            primarySkillId: i.primarySkillId,
            skillIds: i.skillIds,
          })),
        }))}
        taxonomy={taxonomy.map((c) => ({ id: c.id, name: c.name, skills: c.skills.map((s) => ({ id: s.id, name: s.name })) }))}
      />
    </>
  );
}
