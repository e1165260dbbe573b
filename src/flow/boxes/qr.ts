/**
 * Vector QR codes for video links in print: uqr (zero dependencies) gives the module matrix, drawn here as one
 * SVG path of dark squares (merged per row run), which pdf/ draws as vectors like every other SVG. Error
 * correction M (15 %) survives a scuffed page; the quiet zone of 4 modules is part of the drawn square.
 */
import { encode } from 'uqr';

/** Light modules around the code that scanners need (ISO/IEC 18004: 4). */
export const QUIET_ZONE = 4;

/** The module matrix of `text` (true = dark), without quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/**
 * An SVG of the code in `color` on nothing (the page is the light colour), with its quiet zone in the viewBox.
 * `memo` (the build context's `qrCodes`) keeps each code by colour and text: uqr tries all eight masks for every
 * code (≈ 3 ms cold), and a report draws a video's code again in every TOC pass and wherever the video recurs.
 */
export function qrSvg(text: string, color: string, memo?: Map<string, string>): string {
  const key = `${color}\u0000${text}`;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  const svg = makeQrSvg(text, color);
  memo?.set(key, svg);
  return svg;
}

function makeQrSvg(text: string, color: string): string {
  const m = qrMatrix(text);
  const n = m.length + 2 * QUIET_ZONE;
  let d = '';
  m.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n}" height="${n}" shape-rendering="crispEdges"><path d="${d}" fill="${color}"/></svg>`;
}

/** Pieces of a printed URL a line may end after: each "/" , "-" , "." or "?" stays with the text before it. */
export function urlPieces(printed: string): string[] {
  return printed.match(/[^/\-.?]*[/\-.?]|[^/\-.?]+$/g) ?? [printed];
}
