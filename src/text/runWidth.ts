import type { FontStore } from '../fonts/fontStore.ts';
import type { Pt } from '../util/geometry.ts';
import { isSpace, SPACE } from './charClass.ts';

/**
 * Width of a run as pdf/ draws it: the whole run shaped in one call, so kerning across spaces (Source Serif kerns
 * " V" by −0.03 em) is measured exactly as drawn. The store caches the shaped run, and pdf/ draws that very run.
 */
export function runWidth(fonts: FontStore, text: string, font: string, sizePt: Pt, features: readonly string[]): Pt {
  return fonts.measure(text, font, sizePt, features);
}

/** Whitespace that justification stretches (pdf/glyphRuns.ts adds the extra to the glyphs of these characters). */
export const STRETCHABLE = SPACE;

/** A run's width split into its words and its stretchable separators (see spacedWidth). */
export interface SpacedWidth {
  /** Everything but the separators' advances. */
  readonly words: Pt;
  readonly separators: number;
  /** Mean advance of one separator (kerning included), so separators × space is their total. */
  readonly space: Pt;
}

/**
 * Width of a run for justification: the shaped run's advances split into its separators (each whitespace character,
 * also U+00A0, gets the line's extra space when drawn) and the rest. Test fakes without `shape` count a space each.
 */
export function spacedWidth(fonts: FontStore, text: string, font: string, sizePt: Pt, features: readonly string[]): SpacedWidth {
  const total = fonts.measure(text, font, sizePt, features);
  const run = fonts.shape?.(text, font, features);
  let separators = 0;
  let spaceUnits = 0;
  if (run) {
    for (let i = 0; i < run.ids.length; i++) {
      if (!isSpace(text.charCodeAt(run.clusters[i]!))) continue;
      separators++;
      spaceUnits += run.advances[i]!;
    }
    const spaces = (spaceUnits * sizePt) / run.unitsPerEm;
    return { words: total - spaces, separators, space: separators ? spaces / separators : 0 };
  }
  for (const ch of text) if (STRETCHABLE.test(ch)) separators++;
  const space = fonts.measure(' ', font, sizePt, features);
  return { words: total - separators * space, separators, space };
}
