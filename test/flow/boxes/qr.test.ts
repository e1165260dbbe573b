import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg, QUIET_ZONE, urlPieces } from '../../../src/flow/boxes/qr.ts';
import { printedUrl } from '../../../src/util/url.ts';

/** The matrix as a picture a camera would see: `px` pixels per module, light quiet zone around it. */
function picture(m: boolean[][], px = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const n = (m.length + 2 * QUIET_ZONE) * px;
  const data = new Uint8ClampedArray(n * n * 4).fill(255);
  m.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < px; dy++) {
        for (let dx = 0; dx < px; dx++) {
          const i = (((y + QUIET_ZONE) * px + dy) * n + (x + QUIET_ZONE) * px + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }),
  );
  return { data, width: n, height: n };
}

/** Reads the SVG path back into a matrix: every "Mx yh{w}v1…z" square run marks modules dark. */
function matrixOfSvg(svg: string): boolean[][] {
  const n = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]) - 2 * QUIET_ZONE;
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(r[1]) - QUIET_ZONE, Number(r[2]) - QUIET_ZONE, Number(r[3])];
    for (let i = 0; i < w; i++) m[y]![x + i] = true;
  }
  return m;
}

// jsqr is CommonJS with `exports.default`: under vitest's interop the function may sit one level down.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof import('jsqr').default;

describe('QR codes for video links', () => {
  const url = 'https://ind.nl/nl/jaarverslag-2020/video-expat-centre-maastricht-region';

  it('the matrix decodes (jsQR, an independent decoder) to the URL', () => {
    const p = picture(qrMatrix(url));
    expect(jsQR(p.data, p.width, p.height)?.data).toBe(url);
  });

  it('a memo (the build context\'s qrCodes) keeps one code per colour and URL, each decoding to its URL', () => {
    const memo = new Map<string, string>();
    const other = 'https://ind.nl/nl/jaarverslag-2020/video-taskforce';
    const a = qrSvg(url, '#1b1b1b', memo);
    expect(qrSvg(url, '#1b1b1b', memo)).toBe(a);
    expect(qrSvg(url, '#154273', memo)).toContain('fill="#154273"');
    const b = qrSvg(other, '#1b1b1b', memo);
    expect(memo.size).toBe(3);
    for (const [svg, text] of [[a, url], [b, other]] as const) {
      expect(svg).toBe(qrSvg(text, '#1b1b1b'));
      const p = picture(matrixOfSvg(svg));
      expect(jsQR(p.data, p.width, p.height)?.data).toBe(text);
    }
  });

  it('the SVG draws exactly the dark modules of the matrix, and decodes to the URL', () => {
    const svg = qrSvg(url, '#1b1b1b');
    expect(matrixOfSvg(svg)).toEqual(qrMatrix(url));
    const p = picture(matrixOfSvg(svg));
    expect(jsQR(p.data, p.width, p.height)?.data).toBe(url);
  });

  it('prints the URL without scheme and www, in pieces a line may end after', () => {
    expect(printedUrl('https://www.ind.nl/nl/video/')).toBe('ind.nl/nl/video');
    expect(urlPieces('ind.nl/nl/jaarverslag-2020/video-taskforce')).toEqual(['ind.', 'nl/', 'nl/', 'jaarverslag-', '2020/', 'video-', 'taskforce']);
    expect(urlPieces('ind.nl/a?b').join('')).toBe('ind.nl/a?b');
  });
});
