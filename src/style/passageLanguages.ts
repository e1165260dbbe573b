/**
 * Which languages a report's text is set in besides its own (hyphenation patterns are loaded for them, and LANG002
 * names the first passage of a language without patterns). A watch rebuild restyles a few blocks: what each section
 * and block names is kept per session by the object (`DerivedValues`), so only restyled blocks are scanned again.
 */
import type { SourceSpan } from '../diag/types.ts';
import { derived, type DerivedValues } from '../util/contentKeys.ts';
import type { ParagraphSpec, StyledSection } from './types.ts';

/**
 * The languages text is set in besides the report's, each with where it first appears (for LANG002): blocks with
 * `lang:` (their paragraphs) and inline passages (their runs). Each section is scanned once per session (`values`).
 */
export function passageLanguages(sections: readonly StyledSection[], main: string, values?: DerivedValues): Map<string, SourceSpan | undefined> {
  const out = new Map<string, SourceSpan | undefined>();
  for (const s of sections) {
    for (const [lang, at] of derived(values, s, 'languages', () => sectionLanguages(s, values))) {
      if (lang.toLowerCase() !== main.toLowerCase() && !out.has(lang)) out.set(lang, at);
    }
  }
  return out;
}

/** Every language one section names, each with where it first appears, in reading order. */
function sectionLanguages(s: StyledSection, values?: DerivedValues): Map<string, SourceSpan | undefined> {
  const out = new Map<string, SourceSpan | undefined>();
  const merge = (m: ReadonlyMap<string, SourceSpan | undefined>) => {
    for (const [lang, at] of m) if (!out.has(lang)) out.set(lang, at);
  };
  merge(languagesIn(s.opener));
  // a rebuild restyles a few blocks of the edited section; the others (the same objects) are scanned once a session
  for (const b of s.blocks) merge(derived(values, b, 'languages', () => languagesIn(b)));
  merge(languagesIn([...s.footnotes.values()]));
  return out;
}

/** The languages named in `v` (paragraphs' `lang`, their runs' passages), each where it first appears. */
function languagesIn(v: unknown): Map<string, SourceSpan | undefined> {
  const out = new Map<string, SourceSpan | undefined>();
  const add = (lang: string | undefined, at: SourceSpan | undefined) => {
    if (lang && !out.has(lang)) out.set(lang, at);
  };
  // every object of a styled block is visited (its kinds are many): by key, without a list of values per object
  const visit = (v: object): void => {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') visit(x);
    } else if (!ArrayBuffer.isView(v)) {
      const o = v as Partial<ParagraphSpec>;
      if (Array.isArray(o.runs)) {
        add(o.lang, o.source);
        for (const r of o.runs) add(r.passage?.lang, o.source);
      }
      for (const k in o) {
        if (!Object.hasOwn(o, k)) continue;
        const x = (o as Record<string, unknown>)[k];
        if (x && typeof x === 'object') visit(x);
      }
    }
  };
  if (v && typeof v === 'object') visit(v);
  return out;
}
