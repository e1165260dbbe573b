// Mutation check (npm run mutate): applies hand-written deliberate changes to src/flow, src/pages, src/text and
// src/pdf, one at a time, in a scratch copy of the repository, runs the tests that should notice each one, and
// reports which changes no test catches. A mutation is "caught" when a test fails; "stale" when its text is no
// longer in the file (update the list); the score is caught / (caught + survived).
//
//   node scripts/mutate.mjs                 every mutation
//   node scripts/mutate.mjs --only a,b      the named ones
//   node scripts/mutate.mjs --list          the list, nothing run
//   node scripts/mutate.mjs --json FILE     also write the results as JSON
//
// Tests that run the compiled CLI (dist/) are left out: the scratch copy is not compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

// Which tests should notice a change, by what it changes.
const FURNITURE = ['test/e2e/geometry.test.ts', 'test/golden', 'test/pages', 'test/e2e/report.test.ts'];
const FLOW = ['test/flow', 'test/pages', 'test/e2e/report.test.ts', 'test/e2e/typography.test.ts', 'test/e2e/geometry.test.ts', 'test/golden'];
const TEXT = ['test/text', 'test/e2e/typography.test.ts', 'test/golden'];
const PDF = ['test/pdf', 'test/e2e/report.test.ts', 'test/e2e/geometry.test.ts', 'test/e2e/typography.test.ts', 'test/golden'];

/** id, file, exact text, replacement, tests, what a reader would see. */
const MUTATIONS = [
  // the five furniture changes of issue 9
  ['footnote-rule-20', 'src/flow/footnotes.ts', 'FOOTNOTE_RULE_LENGTH = 42', 'FOOTNOTE_RULE_LENGTH = 20', FURNITURE, 'footnote rule 42 → 20 pt'],
  ['head-up-2', 'src/pages/runningHeads.ts', 'HEAD_BASELINE_ABOVE = 24', 'HEAD_BASELINE_ABOVE = 26', FURNITURE, 'running head 2 pt higher'],
  ['folio-down-4', 'src/pages/runningHeads.ts', 'FOLIO_BELOW = 30', 'FOLIO_BELOW = 34', FURNITURE, 'folio and foot line 4 pt lower'],
  ['rules-hairline', 'src/pdf/drawShapes.ts', '.lineWidth(r.widthPt)', '.lineWidth(0.1)', FURNITURE, 'every rule drawn at 0.1 pt'],
  ['toc-leader-gap-30', 'src/pages/toc.ts', 'LEADER_PAD = 6', 'LEADER_PAD = 30', FURNITURE, 'TOC leader gap 6 → 30 pt'],
  // more furniture, 1 pt each
  ['head-rule-down-1', 'src/pages/runningHeads.ts', 'HEAD_RULE_ABOVE = 16', 'HEAD_RULE_ABOVE = 15', FURNITURE, 'running-head rule 1 pt lower'],
  ['head-rule-width-1', 'src/pages/runningHeads.ts', 'HEAD_RULE_WIDTH = 0.5', 'HEAD_RULE_WIDTH = 1', FURNITURE, 'running-head rule 1 pt thick'],
  ['footnote-gap-5', 'src/flow/footnotes.ts', 'FOOTNOTE_RULE_GAP = 4', 'FOOTNOTE_RULE_GAP = 5', FURNITURE, 'footnotes 1 pt further below their rule'],
  ['opener-rule-gap', 'src/flow/opener.ts', 'RULE_GAP = 10', 'RULE_GAP = 11', FURNITURE, 'opener rule 1 pt lower'],
  ['toc-number-column', 'src/pages/toc.ts', 'NUMBER_COLUMN = 36', 'NUMBER_COLUMN = 60', FURNITURE, 'TOC titles wrap 24 pt earlier'],
  ['toc-label-gap', 'src/pages/toc.ts', 'LABEL_GAP = 2', 'LABEL_GAP = 3', FURNITURE, 'TOC label 1 pt further above its title'],
  ['cover-mark', 'src/pages/cover.ts', 'MARK_LENGTH = 48', 'MARK_LENGTH = 47', FURNITURE, 'cover rule 1 pt shorter'],
  // page geometry and flow
  ['margins-mirrored-off', 'src/flow/geometry.ts', 'pageNumber % 2 === 1 ? margin.inner : margin.outer', 'margin.inner', FLOW, 'text area not mirrored on even pages'],
  ['gutter-ignored', 'src/flow/distribute.ts', 'c * (colW + region.gutter)', 'c * colW', FLOW, 'second column without gutter'],
  ['widows-allowed', 'src/flow/breaks.ts', "if (cur.count - cur.index < MIN_LINES) return 'a widow", "if (cur.count - cur.index < 1) return 'a widow", FLOW, 'widows allowed'],
  ['orphans-allowed', 'src/flow/breaks.ts', "if (cur.index - first < MIN_LINES) return 'an orphan", "if (cur.index - first < 1) return 'an orphan", FLOW, 'orphans allowed'],
  ['heading-keep-off', 'src/flow/breaks.ts', "if (prev.keepWithNext) return", 'if (false) return', FLOW, 'headings may end a column'],
  ['first-line-indent-off', 'src/text/setLines.ts', 'n === 0 && para.firstLineIndentPt > 0', 'false && para.firstLineIndentPt > 0', FLOW, 'no paragraph indents'],
  ['baseline-shift', 'src/text/setLines.ts', 'ascentPt: para.leadingPt - descent', 'ascentPt: para.leadingPt - descent + 1', FLOW, 'every line 1 pt lower than the grid'],
  // issue 11 item 5: no holes, indents by the page, balanced headings, footnotes as targets
  ['short-page-12', 'src/flow/tailPages.ts', 'MAX_CUT_LINES = 2', 'MAX_CUT_LINES = 12', [...FLOW, 'test/e2e/floatAfterQuote.test.ts'], 'a page cut 12 lines short to feed the last page'],
  ['indent-by-source', 'src/flow/runFlow.ts', 'MAX_INDENT_PASSES = 3', 'MAX_INDENT_PASSES = 1', [...FLOW, 'test/e2e/indentAfterFloat.test.ts'], 'indents follow the file, not the page'],
  ['balance-off', 'src/text/breakLines.ts', 'para.balance && ragged ?', 'false && ragged ?', TEXT, 'headings end in a lone word'],
  ['note-anchor-dropped', 'src/flow/footnotes.ts', "if (body.anchor) out.push", 'if (false) out.push', [...FLOW, 'test/e2e/footnoteRefs.test.ts'], 'references to a footnote lead nowhere'],
  // text
  ['hyphen-runs-3', 'src/text/knuthPlass.ts', 'MAX_CONSECUTIVE_HYPHENS = 2', 'MAX_CONSECUTIVE_HYPHENS = 4', TEXT, 'up to 4 hyphenated lines in a row'],
  // (LEFT_MIN 2 → 1 is equivalent: the Dutch patterns carry leftmin 2 themselves, so nothing changes)
  ['hyphen-rightmin-2', 'src/text/hyphenate.ts', 'RIGHT_MIN = 3', 'RIGHT_MIN = 2', TEXT, 'two letters after a hyphen'],
  ['space-ratio-4', 'src/text/justify.ts', 'MAX_SPACE_RATIO = 2', 'MAX_SPACE_RATIO = 4', TEXT, 'word spaces up to 4× natural'],
  ['expansion-10', 'src/text/itemize.ts', 'GLYPH_EXPANSION = 0.025', 'GLYPH_EXPANSION = 0.1', TEXT, 'glyphs stretched up to 10 %'],
  ['flagged-demerits-0', 'src/text/knuthPlass.ts', 'FLAGGED_DEMERITS = 3000', 'FLAGGED_DEMERITS = 0', TEXT, 'hyphenated lines not discouraged'],
  // pdf
  ['word-spacing-dropped', 'src/pdf/glyphRuns.ts', 'const extra = (g.wordSpacingPt * 1000) / g.sizePt;', 'const extra = 0;', PDF, 'justified lines drawn with natural spaces'],
  ['tracking-dropped', 'src/pdf/glyphRuns.ts', 'const tc = g.letterSpacingPt ?? 0;', 'const tc = 0;', PDF, 'tracked labels drawn untracked'],
  ['expansion-dropped', 'src/pdf/glyphRuns.ts', 'const scale = g.scale ?? 1;', 'const scale = 1;', PDF, 'glyph expansion of justified lines not drawn'],
  ['rect-stroke-width', 'src/pdf/drawShapes.ts', 'doc.lineWidth(r.strokeWidthPt ?? 0.5).stroke(r.stroke)', 'doc.lineWidth(2).stroke(r.stroke)', PDF, 'box outlines 2 pt'],
  ['outline-dropped', 'src/pdf/writePdf.ts', '  addOutline(doc, docData);', '', PDF, 'no bookmarks'],
];

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (args.includes('--list')) {
  for (const [id, file, , , , what] of MUTATIONS) console.log(`${id.padEnd(24)} ${file.padEnd(28)} ${what}`);
  process.exit(0);
}
const only = opt('--only')?.split(',');
const chosen = only ? MUTATIONS.filter((m) => only.includes(m[0])) : MUTATIONS;

// A scratch copy: sources and tests copied, node_modules linked; the working tree is never touched.
const scratch = mkdtempSync(join(tmpdir(), 'rp-mutate-'));
for (const name of readdirSync(ROOT)) {
  if (['node_modules', '.git', 'out', 'dist', '.cache'].includes(name)) continue;
  // regular files, folders and links only: a test may leave a named pipe behind (test/hostile)
  cpSync(join(ROOT, name), join(scratch, name), { recursive: true, filter: (src) => ((st) => st.isFile() || st.isDirectory() || st.isSymbolicLink())(lstatSync(src)) });
}
symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));

/** Test files under the given paths that exist and do not need the compiled CLI. */
function testFiles(paths) {
  const out = [];
  const walk = (p) => {
    const abs = join(scratch, p);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const n of readdirSync(abs)) walk(join(p, n));
    else if (p.endsWith('.test.ts') && !/['"/]dist\/|cli\.js/.test(readFileSync(abs, 'utf8'))) out.push(p);
  };
  for (const p of paths) walk(p);
  return [...new Set(out)];
}

function vitest(files) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--bail=1', ...files], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 15 * 60_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

const results = [];
const t0 = Date.now();
for (const [id, file, from, to, tests, what] of chosen) {
  const abs = join(scratch, file);
  const original = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  if (!original.includes(from)) {
    results.push({ id, what, status: 'stale' });
    console.log(`${id.padEnd(24)} stale (text not found in ${file})`);
    continue;
  }
  const files = testFiles(tests);
  writeFileSync(abs, original.replace(from, to));
  const r = vitest(files);
  writeFileSync(abs, original);
  const plain = r.out.replace(/\x1b\[[0-9;]*m/g, '');
  const failed = [...plain.matchAll(/FAIL\s+(\S+\.test\.ts)(?: > ([^\n]*))?/g)].map((m) => (m[2] ? `${m[1]} > ${m[2].trim()}` : m[1]));
  const status = r.ok ? 'survived' : 'caught';
  results.push({ id, what, status, by: [...new Set(failed)].slice(0, 3) });
  console.log(`${id.padEnd(24)} ${status.padEnd(8)} ${what}${failed[0] ? `  ← ${failed[0]}` : ''}`);
}
rmSync(scratch, { recursive: true, force: true });

const caught = results.filter((r) => r.status === 'caught').length;
const survived = results.filter((r) => r.status === 'survived');
const stale = results.filter((r) => r.status === 'stale').length;
console.log(`\nscore: ${caught}/${caught + survived.length} caught${stale ? `, ${stale} stale` : ''} (${((Date.now() - t0) / 60000).toFixed(1)} min)`);
if (survived.length) console.log(`not caught by any test: ${survived.map((r) => r.id).join(', ')}`);
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify(results, null, 2));
process.exitCode = survived.length ? 1 : 0;
