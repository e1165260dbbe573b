/**
 * An image ready to place. Raster images: PNG bytes and their pixel size (for the print variant's resolution
 * check). SVG images stay SVG: pdf/ draws them as vectors, so their text stays text and they print sharp.
 */
export interface PreparedImage {
  readonly png?: Uint8Array;
  readonly svg?: string;
  /** Height / width. */
  readonly aspect: number;
  /** Raster images: width in pixels. */
  readonly widthPx?: number;
}
