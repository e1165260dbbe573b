/**
 * Targets of page references: section ids (file names without .yaml) and the `id`s of headings, charts, images
 * and tables. `{page:id}` and `{ref:id}` stay in the bound text (pages are only known after layout); here every
 * one is checked to name a target, and every id to be unique.
 */
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { SectionSource, Text } from '../load/types.ts';
import type { Locator } from './locate.ts';

/** `{page:id}` (the page a target is on) or `{ref:id}` (its number, "Figuur 3", or a heading's title). */
export const PAGE_REF = /\{(page|ref):([^}\s]*)\}/g;

/** Every reference target of the report; a duplicate id is an error at its second block. */
export function collectTargets(sections: readonly SectionSource[], errors: Diagnostic[]): Set<string> {
  const targets = new Set<string>(sections.map((s) => s.id));
  for (const s of sections) {
    for (const { id, span } of s.targets) {
      if (targets.has(id)) errors.push(messages.duplicateTarget(id, span));
      targets.add(id);
    }
  }
  return targets;
}

/** Reports each `{page:…}` / `{ref:…}` in `t` whose target does not exist (`^id` names a footnote of the section). */
export function checkRefs(t: Text, targets: ReadonlySet<string>, footnotes: ReadonlySet<string>, locate: Locator, errors: Diagnostic[]): void {
  // most texts hold no reference: no matcher, no map (every text of a report passes here)
  if (!t.value.includes('{')) return;
  const seen = new Map<string, number>();
  for (const m of t.value.matchAll(PAGE_REF)) {
    const n = seen.get(m[0]) ?? 0;
    seen.set(m[0], n + 1);
    const id = m[2]!;
    const ok = id.startsWith('^') ? footnotes.has(id.slice(1)) : targets.has(id);
    if (ok) continue;
    // a footnote is suggested among the section's notes, written as a reference names them ("^bron")
    if (id.startsWith('^')) errors.push(messages.unknownNoteTarget(id, [...footnotes].map((f) => `^${f}`), locate(t, m[0], n)));
    else errors.push(messages.unknownTarget(id, [...targets], locate(t, m[0], n)));
  }
}
