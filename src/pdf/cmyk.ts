/**
 * The print variant's colours: every colour drawn is the DeviceCMYK value the template gives for it, never a
 * formula applied to RGB. A colour the template defines is looked up exactly; a tint of one (the template colour
 * mixed with paper white, as the cover's foot band and the charts' sequential ramps are) prints as that colour's
 * CMYK screened down by the same share, which is what a tint is on press. Anything else has no CMYK value and is
 * an error the caller reports with the position of what drew it.
 */

/** C, M, Y, K in percent (0–100), as pdfkit takes them. */
export type Cmyk = readonly [number, number, number, number];

/** Largest difference per RGB channel (0–255) still taken as the same colour: rounding of mixed tints. */
const TOLERANCE = 2;

const rgbOf = (hex: string): [number, number, number] => {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
};

/** "#rrggbb" (lower case) of 0–255 channels. */
export function hexOf(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Normalises "#rgb"/"#rrggbb" to "#rrggbb" lower case; undefined for anything else. */
export function normalHex(s: string): string | undefined {
  const t = s.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(t)) return t;
  if (/^#[0-9a-f]{3}$/.test(t)) return `#${[...t.slice(1)].map((c) => c + c).join('')}`;
  return undefined;
}

/** A resolver from the template's table (hex → CMYK): exact colours, then tints of them with paper white. */
export function cmykResolver(table: ReadonlyMap<string, Cmyk>): (hex: string) => Cmyk | undefined {
  const memo = new Map<string, Cmyk | undefined>();
  const entries = [...table].map(([hex, cmyk]) => ({ rgb: rgbOf(hex), cmyk }));
  return (input) => {
    const hex = normalHex(input);
    if (!hex) return undefined;
    if (memo.has(hex)) return memo.get(hex);
    let out = table.get(hex);
    if (!out) {
      const rgb = rgbOf(hex);
      let best: { err: number; share: number; cmyk: Cmyk } | undefined;
      for (const e of entries) {
        // rgb = e + share × (255 − e) per channel: estimate share from the channels that can move, then check all.
        const movable = [0, 1, 2].filter((i) => e.rgb[i]! < 250);
        if (!movable.length) continue;
        const share = movable.reduce((s, i) => s + (rgb[i]! - e.rgb[i]!) / (255 - e.rgb[i]!), 0) / movable.length;
        if (share < -0.001 || share > 1.001) continue;
        const err = Math.max(...[0, 1, 2].map((i) => Math.abs(e.rgb[i]! + share * (255 - e.rgb[i]!) - rgb[i]!)));
        if (err <= TOLERANCE && (!best || err < best.err)) best = { err, share, cmyk: e.cmyk };
      }
      if (best) {
        const k = 1 - Math.min(1, Math.max(0, best.share));
        out = best.cmyk.map((v) => Math.round(v * k)) as unknown as Cmyk;
      }
    }
    memo.set(hex, out);
    return out;
  };
}
