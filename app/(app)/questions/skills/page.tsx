import type { Metadata } from 'next';
import { AccessDenied, Badge, Card, PageHeader } from '@/app/_components/ui';
import { can } from '@/lib/context';
import { listSkillTaxonomy } from '@/lib/skills/queries';
import { requirePageContext } from '../../page-context';
import { ArchiveSkillButton, NewCategoryForm, NewSkillForm } from './skill-forms';

export const metadata: Metadata = { title: 'Skills' };

export default async function SkillsPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx, 'question:read')) return <AccessDenied what="the skill taxonomy" />;
  const taxonomy = await listSkillTaxonomy(ctx);
  const canWrite = can(ctx, 'question:write');
  return (
    <>
      <PageHeader title="Skills" description="The taxonomy questions and kits are tagged with: the built-in backend skills, and your organization’s own." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-4">
          {taxonomy.map((category) => (
            <Card key={category.id} className="p-4">
              <h2 className="flex items-center gap-2 font-semibold">
                {category.name} {category.builtin ? null : <Badge tone="green">Ours</Badge>}
              </h2>
              {category.description ? <p className="text-sm text-slate-600">{category.description}</p> : null}
              <ul className="mt-2 divide-y divide-slate-100">
                {category.skills.length === 0 ? <li className="py-1.5 text-sm text-slate-600">No skills yet.</li> : null}
                {category.skills.map((skill) => (
                  <li key={skill.id} className="flex items-start justify-between gap-3 py-1.5 text-sm">
                    <span>
                      <span className="font-medium">{skill.name}</span> <span className="font-mono text-xs text-slate-500">{skill.slug}</span>
                      {skill.description ? <span className="block text-slate-600">{skill.description}</span> : null}
                    </span>
                    {skill.builtin ? <Badge>Built-in</Badge> : canWrite ? <ArchiveSkillButton skillId={skill.id} name={skill.name} /> : <Badge tone="green">Ours</Badge>}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
        {canWrite ? (
          <div className="space-y-6">
            <Card className="p-4">
              <h2 className="mb-3 font-semibold">Add a skill</h2>
              <NewSkillForm categories={taxonomy.map((c) => ({ id: c.id, name: c.name }))} />
            </Card>
            <Card className="p-4">
              <h2 className="mb-3 font-semibold">Add a category</h2>
              <NewCategoryForm />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
