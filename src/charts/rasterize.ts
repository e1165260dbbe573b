import { createRequire } from 'node:module';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { outlinesReady } from '../fonts/shaper.ts';
import { outlineText } from './outlineText.ts';

/** PNG resolution relative to the placed size: 2× for sharp screens and slides. */
export const PNG_SCALE = 2;
/** SVG user units per inch at which librsvg draws 1 unit as 1 pixel. */
const CSS_DPI = 72;

/**
 * Renders a chart SVG to a PNG at PNG_SCALE× with sharp (librsvg). Text is first turned into glyph
 * outlines from the report's fonts (placedScale = placed width / SVG width), so the PNG shows the report's font and never a system substitute.
 */
export async function rasterize(
  svg: string,
  fonts: FontStore,
  keys: ResolvedTheme['chart']['fontKeys'],
  placedScale = 1,
  outlines: Map<string, string> = new Map(),
): Promise<Uint8Array> {
  // required, not imported: the chart worker (which makes a CLI build's PNGs) is an ES module, and import() of the
  // CommonJS sharp has Node scan its sources for named exports first (≈ 25 ms of the worker's CPU)
  const sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;
  await outlinesReady();
  const outlined = outlineText(svg, fonts, keys, outlines);
  const png = await sharp(Buffer.from(outlined), { density: CSS_DPI * PNG_SCALE * placedScale })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
