'use client';
// The kit builder: details and weighted skills, a plan of sections and questions (reorder by
// drag and drop or keyboard), live coverage and time feedback, a bank search panel pre-filtered
// to the kit, and "suggest a kit". The whole draft is saved with its revision, so a concurrent
// save by someone else is reported rather than overwritten.
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState, useTransition } from 'react';
import { SkillAdder } from '@/app/_components/skill-adder';
import { Badge, buttonClass } from '@/app/_components/ui';
import type { FieldErrors } from '@/lib/errors';
import { computeCoverage } from '@/lib/kits/coverage';
import { KIND_LABELS, LEVEL_LABELS, LEVELS, type Level, type QuestionKind } from '@/lib/questions/schemas';
import { publishKitAction, saveKitDraftAction, searchKitQuestionsAction, suggestKitAction } from '../../actions';

export interface BuilderItem {
  key: string;
  questionVersionId: string;
  questionId: string;
  title: string;
  minutes: number;
  level: string;
  kind: string;
  primarySkillId: string;
  skillIds: string[];
  reason?: string;
}
export interface BuilderSection {
  key: string;
  title: string;
  items: BuilderItem[];
}
export interface BuilderWeight {
  skillId: string;
  weight: number;
}
export interface BuilderProps {
  kitId: string;
  revision: number;
  version: number;
  meta: { name: string; roleTitle: string; level: Level; targetMinutes: number; description: string };
  weights: BuilderWeight[];
  sections: BuilderSection[];
  taxonomy: { id: string; name: string; skills: { id: string; name: string }[] }[];
}

type SaveStatus = { kind: 'saved' | 'dirty' | 'saving' } | { kind: 'error'; message: string; fields?: FieldErrors } | { kind: 'conflict'; message: string };

let keySeed = 0;
const newKey = () => `k${Date.now().toString(36)}${(keySeed++).toString(36)}`;

const inputClass = 'block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export function KitBuilder(props: BuilderProps) {
  const [meta, setMeta] = useState(props.meta);
  const [weights, setWeights] = useState(props.weights);
  const [sections, setSections] = useState(props.sections);
  const [revision, setRevision] = useState(props.revision);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [announcement, setAnnouncement] = useState('');
  const [swapKey, setSwapKey] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const skillName = useMemo(() => new Map(props.taxonomy.flatMap((c) => c.skills.map((s) => [s.id, s.name] as const))), [props.taxonomy]);
  const items = sections.flatMap((s) => s.items);
  const coverage = useMemo(
    () =>
      computeCoverage({
        targetMinutes: meta.targetMinutes || 0,
        weights: weights.map((w) => ({ ...w, name: skillName.get(w.skillId) ?? 'Unknown skill' })),
        items: items.map((i) => ({ key: i.key, title: i.title, minutes: i.minutes, primarySkillId: i.primarySkillId, skillIds: i.skillIds })),
      }),
    [meta.targetMinutes, weights, items, skillName],
  );

  const touch = useCallback(() => setStatus((s) => (s.kind === 'conflict' ? s : { kind: 'dirty' })), []);
  const updateSections = (fn: (prev: BuilderSection[]) => BuilderSection[]) => {
    setSections(fn);
    touch();
  };

  useEffect(() => {
    if (status.kind !== 'dirty') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status.kind]);

  const payload = () => ({
    kitId: props.kitId,
    revision,
    ...meta,
    weights: weights.map(({ skillId, weight }) => ({ skillId, weight })),
    sections: sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ questionVersionId: i.questionVersionId, minutes: i.minutes })) })),
  });

  const save = () =>
    startTransition(async () => {
      setStatus({ kind: 'saving' });
      const result = await saveKitDraftAction(payload());
      if (result.status === 'success') {
        setRevision(result.data!.revision);
        setStatus({ kind: 'saved' });
      } else if (result.status === 'error') {
        setStatus(result.message.includes('Someone else saved') ? { kind: 'conflict', message: result.message } : { kind: 'error', message: result.message, fields: result.fields });
      }
    });

  const publish = () =>
    startTransition(async () => {
      setStatus({ kind: 'saving' });
      const result = await publishKitAction(payload());
      if (result?.status === 'error') setStatus({ kind: 'error', message: result.message, fields: result.fields });
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const moveItem = (sectionKey: string, index: number, delta: number) => {
    const section = sections.find((s) => s.key === sectionKey)!;
    const target = index + delta;
    if (target < 0 || target >= section.items.length) return;
    updateSections((prev) => prev.map((s) => (s.key === sectionKey ? { ...s, items: arrayMove(s.items, index, target) } : s)));
    setAnnouncement(`Moved “${section.items[index]!.title}” to position ${target + 1} of ${section.items.length}.`);
  };

  const moveToSection = (itemKey: string, toSectionKey: string) =>
    updateSections((prev) => {
      const item = prev.flatMap((s) => s.items).find((i) => i.key === itemKey)!;
      return prev.map((s) => ({
        ...s,
        items: s.key === toSectionKey ? [...s.items.filter((i) => i.key !== itemKey), item] : s.items.filter((i) => i.key !== itemKey),
      }));
    });

  const addQuestion = (row: { versionId: string; id: string; title: string; minutes: number; level: string; kind: string; primarySkillId: string; skillIds: string[] }) => {
    const item: BuilderItem = {
      key: newKey(),
      questionVersionId: row.versionId,
      questionId: row.id,
      title: row.title,
      minutes: row.minutes,
      level: row.level,
      kind: row.kind,
      primarySkillId: row.primarySkillId,
      skillIds: row.skillIds,
    };
    if (swapKey) {
      updateSections((prev) => prev.map((s) => ({ ...s, items: s.items.map((i) => (i.key === swapKey ? item : i)) })));
      setAnnouncement(`Swapped in “${row.title}”.`);
      setSwapKey(null);
      return;
    }
    updateSections((prev) => prev.map((s, i) => (i === prev.length - 1 ? { ...s, items: [...s.items, item] } : s)));
    setAnnouncement(`Added “${row.title}”, ${row.minutes} minutes.`);
  };

  const applySuggestion = (suggested: BuilderItem[]) => {
    updateSections(() => [{ key: newKey(), title: 'Suggested plan', items: suggested }]);
    setAnnouncement(`Suggested ${suggested.length} questions. Review, swap or remove any of them.`);
  };

  const fieldError = (name: string) => (status.kind === 'error' ? status.fields?.[name]?.[0] : undefined);
  const overBy = coverage.totalMinutes - coverage.targetMinutes;

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        <p className="text-sm" role="status" aria-live="polite">
          {status.kind === 'saved' && <span className="text-green-800">All changes saved</span>}
          {status.kind === 'dirty' && <span className="text-amber-900">Unsaved changes</span>}
          {status.kind === 'saving' && <span className="text-slate-700">Saving…</span>}
          {status.kind === 'error' && <span className="text-red-800">{status.message}</span>}
          {status.kind === 'conflict' && (
            <span className="text-red-800">
              {status.message}{' '}
              <a href={`/kits/${props.kitId}/edit`} className="underline">
                Reload
              </a>
            </span>
          )}
        </p>
        <span className="sr-only" aria-live="assertive">
          {announcement}
        </span>
        <div className="ml-auto flex gap-2">
          <Link href={`/kits/${props.kitId}`} className={buttonClass('ghost')}>
            Back to kit
          </Link>
          <button type="button" className={buttonClass('secondary')} onClick={save} disabled={isPending || status.kind === 'conflict'}>
            Save draft
          </button>
          <button type="button" className={buttonClass('primary')} onClick={publish} disabled={isPending || status.kind === 'conflict'}>
            Publish version {props.version}
          </button>
        </div>
      </div>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="details-heading" className="text-base font-semibold">
              Details
            </h2>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <LabeledInput label="Kit name" value={meta.name} error={fieldError('name')} onChange={(v) => (setMeta({ ...meta, name: v }), touch())} />
              <LabeledInput label="Role title" value={meta.roleTitle} error={fieldError('roleTitle')} onChange={(v) => (setMeta({ ...meta, roleTitle: v }), touch())} />
              <div className="space-y-1">
                <label htmlFor="kit-level" className="block text-sm font-medium">
                  Level
                </label>
                <select id="kit-level" className={inputClass} value={meta.level} onChange={(e) => (setMeta({ ...meta, level: e.target.value as Level }), touch())}>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {LEVEL_LABELS[l]}
                    </option>
                  ))}
                </select>
              </div>
              <LabeledInput
                label="Target minutes"
                type="number"
                value={String(meta.targetMinutes)}
                error={fieldError('targetMinutes')}
                onChange={(v) => (setMeta({ ...meta, targetMinutes: Number(v) || 0 }), touch())}
              />
            </div>
          </section>

          <WeightsEditor
            weights={weights}
            taxonomy={props.taxonomy}
            skillName={skillName}
            error={fieldError('weights')}
            onChange={(next) => {
              setWeights(next);
              touch();
            }}
          />

          <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="plan-heading" className="text-base font-semibold">
                Plan
              </h2>
              <p className={`text-sm font-medium ${overBy > 0 ? 'text-red-700' : 'text-slate-700'}`}>
                {coverage.totalMinutes} of {coverage.targetMinutes} min{overBy > 0 ? ` · ${overBy} min over` : ''}
              </p>
            </div>
            <p className="mt-1 text-xs text-slate-600">
              Reorder by dragging the handle, or focus it and press Space, then the arrow keys, then Space. The Up and Down buttons work too.
            </p>
            {fieldError('sections') ? <p className="mt-2 text-sm text-red-700">{fieldError('sections')}</p> : null}
            <div className="mt-4 space-y-5">
              {sections.map((section, sectionIndex) => (
                <SectionEditor
                  key={section.key}
                  section={section}
                  sectionIndex={sectionIndex}
                  sections={sections}
                  skillName={skillName}
                  swapKey={swapKey}
                  onRename={(title) => updateSections((prev) => prev.map((s) => (s.key === section.key ? { ...s, title } : s)))}
                  onRemoveSection={
                    sections.length > 1
                      ? () =>
                          updateSections((prev) => {
                            const rest = prev.filter((s) => s.key !== section.key);
                            return rest.map((s, i) => (i === 0 ? { ...s, items: [...s.items, ...section.items] } : s));
                          })
                      : undefined
                  }
                  onReorder={(from, to) => {
                    updateSections((prev) => prev.map((s) => (s.key === section.key ? { ...s, items: arrayMove(s.items, from, to) } : s)));
                  }}
                  onMove={(index, delta) => moveItem(section.key, index, delta)}
                  onMoveToSection={moveToSection}
                  onMinutes={(itemKey, minutes) =>
                    updateSections((prev) => prev.map((s) => ({ ...s, items: s.items.map((i) => (i.key === itemKey ? { ...i, minutes } : i)) })))
                  }
                  onRemove={(itemKey, title) => {
                    updateSections((prev) => prev.map((s) => ({ ...s, items: s.items.filter((i) => i.key !== itemKey) })));
                    setAnnouncement(`Removed “${title}”.`);
                  }}
                  onSwap={(itemKey) => setSwapKey(itemKey)}
                />
              ))}
            </div>
            <button
              type="button"
              className={buttonClass('secondary', 'mt-4')}
              onClick={() => updateSections((prev) => [...prev, { key: newKey(), title: `Section ${prev.length + 1}`, items: [] }])}
            >
              Add section
            </button>
          </section>
        </div>

        <div className="space-y-6">
          <CoveragePanel coverage={coverage} />
          <QuestionSearchPanel
            kitLevel={meta.level}
            weightedSkillIds={weights.map((w) => w.skillId)}
            inKit={new Set(items.map((i) => i.questionId))}
            skillName={skillName}
            swapping={swapKey ? items.find((i) => i.key === swapKey) ?? null : null}
            onCancelSwap={() => setSwapKey(null)}
            onAdd={addQuestion}
            onSuggest={async () => {
              const result = await suggestKitAction({ level: meta.level, budgetMinutes: meta.targetMinutes, weights: weights.map(({ skillId, weight }) => ({ skillId, weight })) });
              if (result.status !== 'success') return result.status === 'error' ? result.message : null;
              applySuggestion(
                result.data!.items.map((s) => ({
                  key: newKey(),
                  questionVersionId: s.questionVersionId,
                  questionId: s.questionId,
                  title: s.title,
                  minutes: s.minutes,
                  level: s.level,
                  kind: s.kind,
                  primarySkillId: s.primarySkillId,
                  skillIds: s.skillIds,
                  reason: s.reason,
                })),
              );
              return null;
            }}
            hasPlan={items.length > 0}
          />
        </div>
      </div>
    </div>
  );
}

function LabeledInput({ label, value, onChange, type = 'text', error }: { label: string; value: string; onChange: (v: string) => void; type?: string; error?: string }) {
  const id = `kit-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} type={type} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function WeightsEditor({
  weights,
  taxonomy,
  skillName,
  onChange,
  error,
}: {
  weights: BuilderWeight[];
  taxonomy: BuilderProps['taxonomy'];
  skillName: Map<string, string>;
  onChange: (w: BuilderWeight[]) => void;
  error?: string;
}) {
  const total = weights.reduce((s, w) => s + w.weight, 0);
  return (
    <section aria-labelledby="weights-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="weights-heading" className="text-base font-semibold">
        Skills evaluated and their weights
      </h2>
      <p className="mt-1 text-xs text-slate-600">Weights are relative (1–100); the share of the total is shown beside each.</p>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      <ul className="mt-3 space-y-2">
        {weights.map((w) => {
          const name = skillName.get(w.skillId) ?? 'Unknown skill';
          return (
            <li key={w.skillId} className="flex items-center gap-3">
              <label htmlFor={`weight-${w.skillId}`} className="flex-1 text-sm">
                {name}
              </label>
              <input
                id={`weight-${w.skillId}`}
                type="number"
                min={1}
                max={100}
                className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
                value={w.weight}
                onChange={(e) => onChange(weights.map((x) => (x.skillId === w.skillId ? { ...x, weight: Number(e.target.value) || 0 } : x)))}
              />
              <span className="w-12 text-right text-xs tabular-nums text-slate-600">{total ? Math.round((w.weight / total) * 100) : 0}%</span>
              <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={() => onChange(weights.filter((x) => x.skillId !== w.skillId))}>
                Remove<span className="sr-only"> {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="mt-3">
        <SkillAdder
          id="add-skill"
          label="Skill to weight"
          hideLabel
          placeholder="Choose a skill to weight…"
          categories={taxonomy}
          exclude={new Set(weights.map((w) => w.skillId))}
          selectClassName={inputClass}
          onAdd={(skill) => onChange([...weights, { skillId: skill.id, weight: 10 }])}
        />
      </div>
    </section>
  );
}

function SectionEditor(props: {
  section: BuilderSection;
  sectionIndex: number;
  sections: BuilderSection[];
  skillName: Map<string, string>;
  swapKey: string | null;
  onRename: (title: string) => void;
  onRemoveSection?: () => void;
  onReorder: (from: number, to: number) => void;
  onMove: (index: number, delta: number) => void;
  onMoveToSection: (itemKey: string, sectionKey: string) => void;
  onMinutes: (itemKey: string, minutes: number) => void;
  onRemove: (itemKey: string, title: string) => void;
  onSwap: (itemKey: string) => void;
}) {
  const { section } = props;
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const minutes = section.items.reduce((s, i) => s + i.minutes, 0);
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = section.items.findIndex((i) => i.key === active.id);
    const to = section.items.findIndex((i) => i.key === over.id);
    if (from >= 0 && to >= 0) props.onReorder(from, to);
  };
  return (
    <div className="rounded-md border border-slate-200">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <label htmlFor={`section-${section.key}`} className="sr-only">
          Section {props.sectionIndex + 1} title
        </label>
        <input id={`section-${section.key}`} className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 text-sm font-semibold hover:border-slate-300 focus:border-brand-600" value={section.title} onChange={(e) => props.onRename(e.target.value)} />
        <span className="text-xs text-slate-600">{minutes} min</span>
        {props.onRemoveSection ? (
          <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={props.onRemoveSection}>
            Remove section<span className="sr-only"> {section.title}</span>
          </button>
        ) : null}
      </div>
      {section.items.length === 0 ? (
        <p className="px-3 py-4 text-sm text-slate-600">No questions yet. Add some from the search panel or ask for a suggestion.</p>
      ) : (
        <DndContext
          id={`dnd-${section.key}`}
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements: dragAnnouncements(section.items), screenReaderInstructions: { draggable: 'To reorder, press Space, move with the arrow keys, and press Space again to drop or Escape to cancel.' } }}
        >
          <SortableContext items={section.items.map((i) => i.key)} strategy={verticalListSortingStrategy}>
            <ol aria-label={`Questions in ${section.title}`} className="divide-y divide-slate-200">
              {section.items.map((item, index) => (
                <SortableItem key={item.key} item={item} index={index} count={section.items.length} {...props} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </div>
  );
}

/** Screen-reader announcements that name the question and its position, not an internal id. */
function dragAnnouncements(items: BuilderItem[]): Announcements {
  const title = (id: UniqueIdentifier) => items.find((i) => i.key === id)?.title ?? 'question';
  const position = (id: UniqueIdentifier | undefined) => items.findIndex((i) => i.key === id) + 1;
  return {
    onDragStart: ({ active }) => `Picked up “${title(active.id)}”, position ${position(active.id)} of ${items.length}.`,
    onDragOver: ({ active, over }) => (over ? `“${title(active.id)}” is over position ${position(over.id)} of ${items.length}.` : `“${title(active.id)}” is not over a position.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped “${title(active.id)}” at position ${position(over.id)} of ${items.length}.` : `Dropped “${title(active.id)}”.`),
    onDragCancel: ({ active }) => `Cancelled. “${title(active.id)}” stays at position ${position(active.id)}.`,
  };
}

function SortableItem({
  item,
  index,
  count,
  sections,
  section,
  skillName,
  swapKey,
  onMove,
  onMoveToSection,
  onMinutes,
  onRemove,
  onSwap,
}: Parameters<typeof SectionEditor>[0] & { item: BuilderItem; index: number; count: number }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.key });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex flex-col gap-2 bg-white px-3 py-3 sm:flex-row sm:items-start ${isDragging ? 'relative z-10 shadow-lg' : ''} ${swapKey === item.key ? 'ring-2 ring-amber-500' : ''}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Reorder “${item.title}”, position ${index + 1} of ${count}`}
        className="flex size-8 shrink-0 cursor-grab items-center justify-center rounded text-slate-500 hover:bg-slate-100 active:cursor-grabbing"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <circle cx="7" cy="5" r="1.5" />
          <circle cx="13" cy="5" r="1.5" />
          <circle cx="7" cy="10" r="1.5" />
          <circle cx="13" cy="10" r="1.5" />
          <circle cx="7" cy="15" r="1.5" />
          <circle cx="13" cy="15" r="1.5" />
        </svg>
      </button>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">
          <span className="mr-1 text-slate-500">{index + 1}.</span>
          {item.title}
        </p>
        <p className="mt-1 flex flex-wrap gap-1">
          <Badge tone="brand">{skillName.get(item.primarySkillId) ?? 'Skill'}</Badge>
          <Badge>{KIND_LABELS[item.kind as QuestionKind] ?? item.kind}</Badge>
          <Badge>{LEVEL_LABELS[item.level as Level] ?? item.level}</Badge>
        </p>
        {item.reason ? <p className="mt-1 text-xs text-slate-600">{item.reason}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor={`minutes-${item.key}`} className="sr-only">
          Minutes for “{item.title}”
        </label>
        <input
          id={`minutes-${item.key}`}
          type="number"
          min={1}
          max={240}
          value={item.minutes}
          onChange={(e) => onMinutes(item.key, Number(e.target.value) || 0)}
          className="w-16 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <span className="text-xs text-slate-600">min</span>
        <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} disabled={index === 0} onClick={() => onMove(index, -1)}>
          Up<span className="sr-only"> “{item.title}”</span>
        </button>
        <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} disabled={index === count - 1} onClick={() => onMove(index, 1)}>
          Down<span className="sr-only"> “{item.title}”</span>
        </button>
        {sections.length > 1 ? (
          <>
            <label htmlFor={`move-${item.key}`} className="sr-only">
              Section for “{item.title}”
            </label>
            <select id={`move-${item.key}`} className="rounded-md border border-slate-300 px-1.5 py-1 text-xs" value={section.key} onChange={(e) => onMoveToSection(item.key, e.target.value)}>
              {sections.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs')} onClick={() => onSwap(item.key)}>
          Swap<span className="sr-only"> “{item.title}”</span>
        </button>
        <button type="button" className={buttonClass('ghost', 'px-2 py-1 text-xs text-red-700')} onClick={() => onRemove(item.key, item.title)}>
          Remove<span className="sr-only"> “{item.title}”</span>
        </button>
      </div>
    </li>
  );
}

function CoveragePanel({ coverage }: { coverage: ReturnType<typeof computeCoverage> }) {
  const pct = Math.round(coverage.weightCovered * 100);
  return (
    <section aria-labelledby="coverage-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="coverage-heading" className="text-base font-semibold">
        Coverage
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        <span aria-live="polite">
          {pct}% of the weight is assessed · {coverage.totalMinutes} of {coverage.targetMinutes} min
        </span>
      </p>
      {coverage.skills.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Weight the skills this kit evaluates to see coverage.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Questions and minutes per weighted skill</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="pb-1 font-medium">
                Skill (weight)
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Questions
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Minutes
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {coverage.skills.map((s) => (
              <tr key={s.skillId} className={s.questions.length === 0 ? 'text-red-800' : ''}>
                <th scope="row" className="py-1.5 text-left font-normal" title={s.questions.map((q) => q.title).join('\n')}>
                  {s.name} <span className="text-slate-500">({s.weight})</span>
                </th>
                <td className="py-1.5 text-right tabular-nums">{s.questions.length}</td>
                <td className="py-1.5 text-right tabular-nums">{s.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {coverage.warnings.length ? (
        <ul className="mt-3 space-y-1" aria-label="Warnings">
          {coverage.warnings.map((w, i) => (
            <li key={i} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

interface SearchRow {
  id: string;
  versionId: string;
  title: string;
  kind: string;
  level: string;
  minutes: number;
  primarySkillId: string;
  skillIds: string[];
}

function QuestionSearchPanel(props: {
  kitLevel: Level;
  weightedSkillIds: string[];
  inKit: Set<string>;
  skillName: Map<string, string>;
  swapping: BuilderItem | null;
  onCancelSwap: () => void;
  onAdd: (row: SearchRow) => void;
  onSuggest: () => Promise<string | null>;
  hasPlan: boolean;
}) {
  const [q, setQ] = useState('');
  const [kitSkillsOnly, setKitSkillsOnly] = useState(true);
  const [kitLevelOnly, setKitLevelOnly] = useState(true);
  const [rows, setRows] = useState<SearchRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [suggesting, startSuggesting] = useTransition();

  const skillFilter = props.swapping ? [props.swapping.primarySkillId] : kitSkillsOnly ? props.weightedSkillIds : [];
  const filterKey = JSON.stringify([q, skillFilter, kitLevelOnly ? props.kitLevel : null]);

  const run = useCallback(() => {
    startLoading(async () => {
      const [query, skill, level] = JSON.parse(filterKey) as [string, string[], string | null];
      const result = await searchKitQuestionsAction({ q: query, skill, level: level ? [level] : [] });
      if (result.status === 'success') {
        setRows(result.data!.rows);
        setTotal(result.data!.total);
        setError(null);
      } else if (result.status === 'error') setError(result.message);
    });
  }, [filterKey]);

  useEffect(() => {
    const timer = setTimeout(run, 250);
    return () => clearTimeout(timer);
  }, [run]);

  return (
    <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="add-heading" className="text-base font-semibold">
        Add questions
      </h2>
      <button
        type="button"
        className={buttonClass('secondary', 'mt-3 w-full')}
        disabled={suggesting || props.weightedSkillIds.length === 0}
        onClick={() => {
          if (props.hasPlan && !window.confirm('Replace the current plan with a suggested one?')) return;
          startSuggesting(async () => setError(await props.onSuggest()));
        }}
      >
        {suggesting ? 'Suggesting…' : 'Suggest a kit'}
      </button>
      <p className="mt-1 text-xs text-slate-600">Fills the time budget with questions that cover the weighted skills best, preferring the kit’s level.</p>
      {props.swapping ? (
        <div role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Choose a question to swap in for “{props.swapping.title}”.{' '}
          <button type="button" className="underline" onClick={props.onCancelSwap}>
            Cancel swap
          </button>
        </div>
      ) : null}
      <div className="mt-4 space-y-2">
        <label htmlFor="kit-search" className="block text-sm font-medium">
          Search the bank
        </label>
        <input id="kit-search" type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. idempotency, joins, kubernetes" />
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={kitSkillsOnly} onChange={(e) => setKitSkillsOnly(e.target.checked)} className="size-4" />
            Kit’s skills only
          </label>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={kitLevelOnly} onChange={(e) => setKitLevelOnly(e.target.checked)} className="size-4" />
            {LEVEL_LABELS[props.kitLevel]} level only
          </label>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div aria-busy={loading} className="mt-3">
        {rows === null ? (
          <p className="text-sm text-slate-600">Loading questions…</p>
        ) : rows.length === 0 ? (
          <p className="text-sm text-slate-600">No questions match. Untick a filter or change the words.</p>
        ) : (
          <>
            <p className="text-xs text-slate-600" aria-live="polite">
              {total} matching{total > rows.length ? `, showing ${rows.length}` : ''}
            </p>
            <ul className="mt-2 max-h-[28rem] space-y-2 overflow-y-auto pr-1">
              {rows.map((row) => {
                const added = props.inKit.has(row.id);
                return (
                  <li key={row.id} className="rounded-md border border-slate-200 p-2.5">
                    <p className="text-sm font-medium">{row.title}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {props.skillName.get(row.primarySkillId)} · {LEVEL_LABELS[row.level as Level]} · {KIND_LABELS[row.kind as QuestionKind]} · {row.minutes} min
                    </p>
                    <button
                      type="button"
                      className={buttonClass(added ? 'ghost' : 'secondary', 'mt-2 px-2.5 py-1 text-xs')}
                      disabled={added}
                      onClick={() => props.onAdd(row)}
                    >
                      {added ? 'In the kit' : props.swapping ? 'Swap in' : 'Add'}
                      <span className="sr-only"> “{row.title}”</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
