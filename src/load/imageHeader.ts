/**
 * Reads an image's declared size from its header, without decoding it, so a "100000 × 100000" PNG is refused
 * before sharp allocates anything (SVGs are drawn as vectors, so their size is free); refuses SVGs that declare a DOCTYPE or entities (external
 * entities, entity bombs) and files whose bytes are not the type their name says. Decoding errors that only a
 * decoder can see (a truncated JPEG) are caught by the images stage.
 */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { Limits } from '../spec/limits.ts';

/** Problems with the image's header, or none. */
export function checkImageHeader(src: string, bytes: Uint8Array, limits: Pick<Limits, 'imagePixels'>, span?: SourceSpan): Diagnostic | undefined {
  const size = /\.svg$/i.test(src) ? svgSize(src, bytes, span) : /\.png$/i.test(src) ? pngSize(bytes) : jpegSize(bytes);
  if ('error' in size) return typeof size.error === 'string' ? messages.badImage(src, size.error, span) : size.error;
  if (size.vector) return undefined; // drawn as vectors at the frame's size: its nominal size costs nothing
  const pixels = size.width * size.height;
  if (!(pixels <= limits.imagePixels)) return messages.limitExceeded('imagePixels', pixels, limits.imagePixels, span, `pixels of "${src}" (${size.width} × ${size.height})`);
  return undefined;
}

type Size = { width: number; height: number; vector?: boolean } | { error: string | Diagnostic };

function pngSize(b: Uint8Array): Size {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((v, i) => b[i] !== v)) return { error: 'the file is not a PNG image' };
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

function jpegSize(b: Uint8Array): Size {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return { error: 'the file is not a JPEG image' };
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { error: 'the JPEG data is damaged' };
    const marker = b[i + 1]!;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }
    i += 2 + len;
  }
  return { error: 'the file ends before the JPEG image size: it is cut short' };
}

function svgSize(src: string, b: Uint8Array, span?: SourceSpan): Size {
  const text = new TextDecoder('utf-8').decode(b.subarray(0, Math.min(b.length, 65536)));
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { error: messages.svgDoctype(src, span) };
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return { error: 'the file has no <svg> element' };
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.eE+-]+)\\s*(px|pt|mm|cm|in)?`, 'i').exec(tag);
  const box = /\sviewBox\s*=\s*["']\s*[\d.eE+-]+[\s,]+[\d.eE+-]+[\s,]+([\d.eE+-]+)[\s,]+([\d.eE+-]+)/i.exec(tag);
  const unit: Record<string, number> = { px: 1, pt: 4 / 3, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
  const len = (m: RegExpExecArray | null, fallback?: string) => (m ? Number(m[1]) * (unit[(m[2] ?? 'px').toLowerCase()] ?? 1) : Number(fallback ?? 300));
  const w = len(attr('width'), box?.[1]);
  const h = len(attr('height'), box?.[2]);
  if (!Number.isFinite(w) || !Number.isFinite(h) || w <= 0 || h <= 0) return { error: 'its width, height or viewBox is not a positive number' };
  return { width: w, height: h, vector: true };
}
