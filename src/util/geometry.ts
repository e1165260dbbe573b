/** Length in PostScript points (1/72 inch); every length in the pipeline uses it. */
export type Pt = number;

/** A rectangle with its origin at the top-left, y growing downwards (pdfkit's convention). */
export interface Rect {
  readonly x: Pt;
  readonly y: Pt;
  readonly width: Pt;
  readonly height: Pt;
}

/** Distances from each edge of a rectangle. */
export interface Insets {
  readonly top: Pt;
  readonly right: Pt;
  readonly bottom: Pt;
  readonly left: Pt;
}
