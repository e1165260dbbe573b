/**
 * The texts pdfkit will shape while drawing glyph runs, so fonts/ can shape them ahead in batches (one
 * fontkit call per ~50 texts instead of one each: the cold pdf stage was mostly these calls).
 * Mirrors pdfkit 0.20's text path: widthOfString and encode lay out a text either whole (when features are
 * passed) or in pieces cut after each space or tab; with word spacing, each word and a space on their own.
 * A text missed here is merely shaped by pdfkit itself, so this only has to be right to be fast.
 */
import { effectiveFeatures } from '../fonts/features.ts';
import type { Page } from '../model/types.ts';

/** Shapes `texts` of font `key` with `features` ahead of drawing. */
export type Prefetch = (key: string, texts: Iterable<string>, features?: readonly string[]) => void;

/** pdfkit's pieces of a text without features: cut after every space or tab (EmbeddedFont.layout). */
export function pdfkitPieces(text: string): string[] {
  return text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];
}

/** Calls `prefetch` once per font and feature set with every text pdfkit will lay out for these pages. */
export function prefetchShaping(pages: readonly Page[], prefetch: Prefetch): void {
  const groups = new Map<string, { key: string; features?: readonly string[]; texts: Set<string> }>();
  const add = (key: string, features: readonly string[] | undefined, texts: Iterable<string>) => {
    const id = `${key}\u0000${features?.join(',') ?? ''}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, features, texts: new Set() }));
    for (const t of texts) if (t) g.texts.add(t);
  };
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'glyphs') continue;
      const text = item.text.replace(/\n/g, '');
      const features = effectiveFeatures(text, item.features);
      add(item.font, features, features ? [text] : pdfkitPieces(text));
      if (Math.abs(item.wordSpacingPt) > 0.001) {
        add(item.font, features, text.trim().split(/\s+/));
        add(item.font, undefined, [' ']);
      }
    }
  }
  for (const g of groups.values()) prefetch(g.key, g.texts, g.features);
}
