'use client';
// The plan: sections of questions, reordered by drag and drop or keyboard (dnd-kit), with
// per-question minutes, moving between sections, swapping and removing.
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
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge, buttonClass } from '@/app/_components/ui';
import { KIND_LABELS, LEVEL_LABELS, type Level, type QuestionKind } from '@/lib/questions/schemas';
import type { BuilderItem, BuilderSection } from './kit-draft';

export function SectionEditor(props: {
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
          <Badge tone="brand">
            <span className="sr-only">Primary skill: </span>
            {skillName.get(item.primarySkillId) ?? 'Skill'}
          </Badge>
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

