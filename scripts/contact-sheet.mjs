// Dev aid: lays page PNGs (from pdftoppm) out as spreads on one sheet, to review a whole report at a glance.
// Usage: node scripts/contact-sheet.mjs OUT.png page-01.png page-02.png …  (4 pages per row)
import sharp from 'sharp';

const [out, ...pages] = process.argv.slice(2);
const metas = await Promise.all(pages.map((p) => sharp(p).metadata()));
const w = Math.max(...metas.map((m) => m.width));
const h = Math.max(...metas.map((m) => m.height));
const perRow = 4;
const gap = 12;
const rows = Math.ceil(pages.length / perRow);
const composite = pages.map((input, i) => ({
  input,
  left: (i % perRow) * (w + gap) + (i % 2 === 1 ? -gap : 0) + gap,
  top: Math.floor(i / perRow) * (h + gap) + gap,
}));
await sharp({ create: { width: perRow * (w + gap) + gap, height: rows * (h + gap) + gap, channels: 3, background: '#888' } })
  .composite(composite)
  .png()
  .toFile(out);
