import { isDeepStrictEqual } from 'node:util';

/** What changed in one section of a plan between two versions. */
export interface SectionChange {
  section: string;
  added: number;
  removed: number;
  changed: number;
}

type Section = { key: string; label: string; kind: 'by_id' | 'by_value' | 'single' };

/** Items with ids are matched by id (an edit is a change); items without are matched by value (an edit is one removed, one added). */
function compareSection(section: Section, before: unknown, after: unknown): SectionChange {
  const change = { section: section.key, added: 0, removed: 0, changed: 0 };
  if (section.kind === 'single') {
    if (!isDeepStrictEqual(before, after)) change.changed = 1;
    return change;
  }
  const oldItems = Array.isArray(before) ? before : [];
  const newItems = Array.isArray(after) ? after : [];
  if (section.kind === 'by_id') {
    const oldById = new Map(oldItems.map((item: { id: string }) => [item.id, item]));
    const newIds = new Set(newItems.map((item: { id: string }) => item.id));
    for (const item of newItems as { id: string }[]) {
      const previous = oldById.get(item.id);
      if (!previous) change.added += 1;
      else if (!isDeepStrictEqual(previous, item)) change.changed += 1;
    }
    change.removed = [...oldById.keys()].filter((id) => !newIds.has(id)).length;
    return change;
  }
  const remaining = oldItems.map((item) => JSON.stringify(item));
  for (const item of newItems) {
    const at = remaining.indexOf(JSON.stringify(item));
    if (at === -1) change.added += 1;
    else remaining.splice(at, 1);
  }
  change.removed = remaining.length;
  return change;
}

function describe(section: Section, change: SectionChange): string | null {
  const parts = [
    change.added ? `${change.added} added` : null,
    change.removed ? `${change.removed} removed` : null,
    change.changed ? (section.kind === 'single' ? 'changed' : `${change.changed} changed`) : null,
  ].filter(Boolean);
  return parts.length ? `${section.label}: ${parts.join(', ')}` : null;
}

/** Structured changes (for a translated client) and a short English summary of them. */
export function summarizeChanges(
  sections: readonly Section[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): { summary: string; changes: SectionChange[] } {
  if (!before) return { summary: 'First version', changes: [] };
  const changes = sections.map((section) => compareSection(section, before[section.key], after[section.key]));
  const words = sections.map((section, i) => describe(section, changes[i] as SectionChange)).filter(Boolean);
  const significant = changes.filter((c) => c.added || c.removed || c.changed);
  if (words.length === 0) return { summary: 'Reordered', changes: [] };
  return { summary: words.join('; '), changes: significant };
}

export const RECOVERY_PLAN_SECTIONS: readonly Section[] = [
  { key: 'goals', label: 'Goals', kind: 'by_id' },
  { key: 'triggers', label: 'Triggers', kind: 'by_id' },
  { key: 'copingStrategies', label: 'Coping strategies', kind: 'by_id' },
  { key: 'supportPeople', label: 'Support people', kind: 'by_id' },
];

export const SAFETY_PLAN_SECTIONS: readonly Section[] = [
  { key: 'warningSigns', label: 'Warning signs', kind: 'by_value' },
  { key: 'copingOnMyOwn', label: 'Coping on my own', kind: 'by_value' },
  { key: 'distractions', label: 'People and places', kind: 'by_value' },
  { key: 'helpers', label: 'People who can help', kind: 'by_value' },
  { key: 'professionals', label: 'Professionals', kind: 'by_value' },
  { key: 'safeEnvironment', label: 'Safer surroundings', kind: 'by_value' },
  { key: 'mostImportant', label: 'Most important to me', kind: 'single' },
];
