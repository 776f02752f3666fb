import type { Metadata } from 'next';
import { AccessDenied, BackLink, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listPublishedKits } from '@/lib/kits/queries';
import { getOpeningForEdit } from '@/lib/openings/queries';
import { listMembers } from '@/lib/orgs/queries';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { orNotFound, requirePageContext } from '../../../page-context';
import { OpeningForm } from '../../opening-form';

export const metadata: Metadata = { title: 'Edit opening' };

export default async function EditOpeningPage({ params }: { params: Promise<{ openingId: string }> }) {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'opening:write')) return <AccessDenied what="editing openings" />;
  const { openingId } = await params;
  const opening = await orNotFound(getOpeningForEdit(ctx, openingId));
  const [kits, members, taxonomy] = await Promise.all([listPublishedKits(ctx), listMembers(ctx), listSkillTaxonomy(ctx)]);
  return (
    <div className="max-w-4xl">
      <BackLink href={`/openings/${opening.id}`}>{opening.title}</BackLink>
      <PageHeader title={`Edit: ${opening.title}`} description="The opening’s details, its interview loop and the skill weights behind the dashboard’s composite, saved together." />
      <OpeningForm
        opening={opening}
        kits={kits.map((k) => ({ id: k.id, name: k.name }))}
        members={members.filter((m) => m.role !== 'interviewer').map((m) => ({ userId: m.userId, name: m.name ?? m.email }))}
        skills={taxonomy.filter((c) => c.skills.length).map((c) => ({ category: c.name, skills: c.skills.map((s) => ({ id: s.id, name: s.name })) }))}
      />
    </div>
  );
}
