/**
 * Pixel goldens, one behaviour per case: `test/golden/cases/<behaviour>/` is a tiny content folder set with the A6
 * template `test/golden/templates/golden-a6`, and `case.yaml` says what it guards and which pages are pinned.
 * Pages render in colour at GOLDEN_PIXEL_DPI and must equal `expected/pNNN.png` in every pixel, each channel within
 * ±CHANNEL_TOLERANCE. `test/golden/manifest.json` pins each case's input hash and each reference PNG's hash, so a
 * changed input or a hand-edited PNG fails until `npm run golden:update` regenerates them (in their own commit).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { buildReport } from '../../src/index.ts';
import { GOLDEN_DIR } from './goldenCase.ts';
import { renderPages, type RenderedPage } from './renderPdf.ts';

export const CASES_DIR = join(GOLDEN_DIR, 'cases');
export const GOLDEN_TEMPLATES = join(GOLDEN_DIR, 'templates');
export const MANIFEST = join(GOLDEN_DIR, 'manifest.json');
/** Two pixels per point: a 1 pt move shifts an edge by two pixels. */
export const GOLDEN_PIXEL_DPI = 144;
/** Largest per-channel difference allowed: rounding in the rasteriser, never a moved or recoloured mark. */
export const CHANNEL_TOLERANCE = 1;

export interface CaseSpec {
  readonly guards: string;
  readonly pages: readonly number[];
}

export interface ManifestEntry {
  readonly guards: string;
  readonly inputHash: string;
  readonly dpi: number;
  /** Reference PNG name → sha256 of its bytes. */
  readonly pages: Record<string, string>;
}

export type Manifest = Record<string, ManifestEntry>;

export const caseNames = (): string[] => readdirSync(CASES_DIR).filter((n) => existsSync(join(CASES_DIR, n, 'case.yaml'))).sort();
export const caseSpec = (name: string): CaseSpec => parse(readFileSync(join(CASES_DIR, name, 'case.yaml'), 'utf8')) as CaseSpec;
export const readManifest = (): Manifest => (existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest) : {});
export const pngName = (page: number) => `p${String(page).padStart(3, '0')}.png`;
export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Hash of everything a case's pages come from in the test folder: its files (not the references) and the template. */
export function inputHash(name: string): string {
  const dir = join(CASES_DIR, name);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (n !== 'expected' && n !== '__diff__') walk(p);
      } else files.push(p);
    }
  };
  walk(dir);
  const h = createHash('sha256');
  for (const f of files) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  const report = parse(readFileSync(join(dir, 'report.yaml'), 'utf8')) as { template: string };
  h.update(readFileSync(join(GOLDEN_TEMPLATES, report.template, 'template.yaml')));
  return h.digest('hex');
}

/** Builds a case and renders its pinned pages. */
export async function renderCase(name: string): Promise<{ page: number; render: RenderedPage }[]> {
  const spec = caseSpec(name);
  const build = await buildReport({ contentDir: join(CASES_DIR, name), templatesDir: GOLDEN_TEMPLATES });
  const renders = await renderPages(build.pdf, GOLDEN_PIXEL_DPI, { colour: true, pages: spec.pages });
  if (renders.length !== spec.pages.length) throw new Error(`${name}: pinned pages ${spec.pages.join(', ')} but the build has fewer pages`);
  return spec.pages.map((page, i) => ({ page, render: renders[i]! }));
}

/** Pixels whose largest channel difference exceeds the tolerance, and a red-on-grey map of them. */
export function pixelDiff(a: RenderedPage, b: RenderedPage): { differing: number; map?: RenderedPage } {
  if (a.width !== b.width || a.height !== b.height) return { differing: Infinity };
  const map = new Uint8Array(a.rgba.length);
  let differing = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    const d = Math.max(Math.abs(a.rgba[i]! - b.rgba[i]!), Math.abs(a.rgba[i + 1]! - b.rgba[i + 1]!), Math.abs(a.rgba[i + 2]! - b.rgba[i + 2]!));
    const grey = 255 - Math.round((255 - a.rgba[i + 1]!) * 0.25);
    const hit = d > CHANNEL_TOLERANCE;
    if (hit) differing++;
    map[i] = hit ? 230 : grey;
    map[i + 1] = hit ? 0 : grey;
    map[i + 2] = hit ? 0 : grey;
    map[i + 3] = 255;
  }
  return { differing, map: { width: a.width, height: a.height, rgba: map } };
}

/** Old | new | difference side by side (missing images left white), for reviewing a change. */
export function sideBySide(images: readonly (RenderedPage | undefined)[]): Buffer {
  const w = Math.max(...images.map((i) => i?.width ?? 0));
  const h = Math.max(...images.map((i) => i?.height ?? 0));
  const gap = 8;
  const png = new PNG({ width: images.length * w + (images.length - 1) * gap, height: h });
  png.data.fill(255);
  images.forEach((img, k) => {
    if (!img) return;
    for (let y = 0; y < img.height; y++) {
      const from = y * img.width * 4;
      img.rgba.subarray(from, from + img.width * 4).forEach((v, j) => (png.data[(y * png.width + k * (w + gap)) * 4 + j] = v));
    }
  });
  return PNG.sync.write(png);
}

export const encodePng = (r: RenderedPage): Buffer => {
  const png = new PNG({ width: r.width, height: r.height });
  png.data = Buffer.from(r.rgba.buffer, r.rgba.byteOffset, r.rgba.byteLength);
  return PNG.sync.write(png, { deflateLevel: 9 });
};

export const decodeRgba = (bytes: Buffer): RenderedPage => {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
};
