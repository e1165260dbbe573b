/** PNG encoding and resizing of rendered pages with sharp (libvips ships inside its npm package). */
import sharp from 'sharp';
import type { RgbaImage } from './openPdf.ts';

/** Encodes RGBA pixels as a PNG (deterministic: fixed compression level, no metadata). */
export function encodePng(img: RgbaImage): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    .toBuffer();
}

/** Scales a page image to `width` pixels wide (height in proportion), as RGBA. */
export async function resizeRgba(img: RgbaImage, width: number): Promise<RgbaImage> {
  const height = Math.max(1, Math.round((img.height * width) / img.width));
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(width, height, { kernel: 'lanczos3' })
    .ensureAlpha()
    .raw()
    .toBuffer();
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
