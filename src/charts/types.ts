import type { Pt } from '../util/geometry.ts';

/** What layout needs of a chart before it is drawn: its placed size and its text alternative. */
export interface ChartBox {
  readonly id: string;
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  /** Text alternative generated from the data unless the content gave one. */
  readonly alt: string;
}

/** A rendered chart: vector SVG for the PDF and, on request, a PNG for the web. */
export interface ChartAsset extends ChartBox {
  /** SVG whose text uses the theme's font family names (mapped to embedded fonts by pdf/). */
  readonly svg: string;
  /** PNG at 2× the placed size (for out/charts/), rasterised on the first call only: a build that exports nothing never pays for it. */
  png(): Promise<Uint8Array>;
}

/** A chart as vega drew it, before ids and alt text are attached: what the caches keep. */
export interface RenderedChart {
  readonly svg: string;
  /** Placed size: the SVG's own size, scaled down when wider than its frame. */
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  /** Scale from SVG units to the placed size (≤ 1). */
  readonly scale: number;
}
