import type { Pt } from '../util/geometry.ts';

/** A rendered chart: vector SVG for the PDF, PNG for the web, and its text alternative. */
export interface ChartAsset {
  readonly id: string;
  /** SVG whose text uses the theme's font family names (mapped to embedded fonts by pdf/). */
  readonly svg: string;
  /** PNG at 2× the placed size, for out/charts/. */
  readonly png: Uint8Array;
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  /** Text alternative generated from the data unless the content gave one. */
  readonly alt: string;
}
