'use client';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField, fieldError } from '@/app/_components/form';
import type { ActionState } from '@/lib/http';
import { archiveSkillAction, createSkillAction, createSkillCategoryAction } from './actions';

const idle: ActionState = { status: 'idle' };

export function NewCategoryForm() {
  const [state, action] = useActionState(createSkillCategoryAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField label="Category name" name="name" id="category-name" required error={fieldError(state, 'name')} />
      <TextField label="Category description" name="description" id="category-description" error={fieldError(state, 'description')} />
      <SubmitButton pendingText="Adding…">Add category</SubmitButton>
    </form>
  );
}

export function NewSkillForm({ categories }: { categories: { id: string; name: string }[] }) {
  const [state, action] = useActionState(createSkillAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <SelectField label="Category" name="categoryId" id="skill-category" error={fieldError(state, 'categoryId')} defaultValue="">
        <option value="" disabled>
          Choose a category…
        </option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Skill name" name="name" id="skill-name" required error={fieldError(state, 'name')} />
      <TextField label="Skill description" name="description" id="skill-description" error={fieldError(state, 'description')} />
      <SubmitButton pendingText="Adding…">Add skill</SubmitButton>
    </form>
  );
}

export function ArchiveSkillButton({ skillId, name }: { skillId: string; name: string }) {
  const [state, action] = useActionState(archiveSkillAction, idle);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="skillId" value={skillId} />
      <SubmitButton variant="secondary" pendingText="Archiving…" className="px-2 py-0.5 text-xs">
        <span>
          Archive<span className="sr-only"> {name}</span>
        </span>
      </SubmitButton>
      {state.status === 'error' ? <FormMessage state={state} /> : null}
    </form>
  );
}
