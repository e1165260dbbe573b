/**
 * `npm run golden:update` (scripts/golden-update.mjs bundles and runs this): renders every pixel golden case,
 * rewrites the references and manifest entries that changed, writes old | new | difference images of each changed
 * page to test/golden/__review__/, and lists the changed cases. Commit the result on its own, after looking at it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CASES_DIR, caseNames, caseSpec, decodeRgba, encodePng, GOLDEN_PIXEL_DPI, inputHash, MANIFEST, pngName, pixelDiff, readManifest, renderCase, sha256, sideBySide, type Manifest } from '../helpers/pixelGolden.ts';
import { GOLDEN_DIR } from '../helpers/goldenCase.ts';

const review = join(GOLDEN_DIR, '__review__');
rmSync(review, { recursive: true, force: true });
const old = readManifest();
const next: Manifest = {};
const changed: string[] = [];
for (const name of caseNames()) {
  const spec = caseSpec(name);
  const dir = join(CASES_DIR, name, 'expected');
  rmSync(join(CASES_DIR, name, '__diff__'), { recursive: true, force: true });
  const pages: Record<string, string> = {};
  const notes: string[] = [];
  const keep = new Set<string>();
  for (const { page, render } of await renderCase(name)) {
    const file = join(dir, pngName(page));
    keep.add(pngName(page));
    const before = existsSync(file) ? decodeRgba(readFileSync(file)) : undefined;
    const d = before ? pixelDiff(render, before) : { differing: Infinity, map: undefined };
    if (d.differing === 0) {
      pages[pngName(page)] = sha256(readFileSync(file));
      continue;
    }
    mkdirSync(dir, { recursive: true });
    const bytes = encodePng(render);
    writeFileSync(file, bytes);
    pages[pngName(page)] = sha256(bytes);
    mkdirSync(review, { recursive: true });
    const side = join(review, `${name}-${pngName(page)}`);
    writeFileSync(side, sideBySide([before, render, d.map]));
    notes.push(`${pngName(page)}: ${before ? (d.differing === Infinity ? 'page size changed' : `${d.differing} px changed`) : 'new'} → ${relative(process.cwd(), side)}`);
  }
  if (existsSync(dir)) for (const f of (await import('node:fs')).readdirSync(dir)) if (!keep.has(f)) (rmSync(join(dir, f)), notes.push(`${f}: removed`));
  next[name] = { guards: spec.guards, inputHash: inputHash(name), dpi: GOLDEN_PIXEL_DPI, pages };
  if (notes.length || JSON.stringify(old[name]) !== JSON.stringify(next[name])) {
    changed.push(name);
    console.log(`changed: ${name} (${spec.guards.split(' — ')[0]})`);
    for (const n of notes) console.log(`  ${n}`);
    if (!notes.length) console.log('  input or manifest entry changed; pixels identical');
  }
}
for (const name of Object.keys(old)) if (!next[name]) (changed.push(name), console.log(`removed: ${name}`));
writeFileSync(MANIFEST, `${JSON.stringify(next, null, 2)}\n`);
console.log(changed.length ? `\n${changed.length} case(s) changed; look at test/golden/__review__/ and commit the goldens on their own.` : 'no pixel golden changed');
