/**
 * Opens a PDF with every reader we can run here (qpdf, poppler, mupdf, Ghostscript, pdf.js) and collects what
 * each says beyond silence: a warning from any of them is a finding. Tools that are not installed are listed in
 * `missing`, so a test can fail loudly in CI (.ci/run installs them) instead of passing without looking.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hasTool, runTool } from './pdfObjects.ts';

export interface ToolReport {
  readonly missing: readonly string[];
  /** tool: message, for every warning or error any tool printed. */
  readonly findings: readonly string[];
}

/** mupdf's Debian build lacks lcms2 and says so for every file, even one without any ICC profile. */
const MUPDF_ENVIRONMENT = /^warning: ICC support is not available$/;

export async function openWithAllTools(bytes: Uint8Array): Promise<ToolReport> {
  const missing: string[] = [];
  const findings: string[] = [];
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const run = (tool: string, cmd: string, args: (f: string) => string[], ok: (status: number, out: string) => string[]) => {
    if (!hasTool(cmd)) return void missing.push(tool);
    const r = runTool(cmd, args, bytes);
    for (const f of ok(r.status, r.out)) findings.push(`${tool}: ${f}`);
  };
  // qpdf exits 0 only when it found nothing (3 = warnings, 2 = errors).
  run('qpdf', 'qpdf', (f) => ['--check', f], (status, out) => (status === 0 ? [] : [`exit ${status}`, ...lines(out)]));
  run('pdfinfo', 'pdfinfo', (f) => [f], (status, out) => (status === 0 ? lines(out).filter((l) => /error|warning/i.test(l)) : [`exit ${status}`]));
  run('pdftoppm', 'pdftoppm', (f) => ['-r', '12', '-png', f, `${f}-page`], (status, out) => (status === 0 ? lines(out) : [`exit ${status}`, ...lines(out)]));
  run('mutool', 'mutool', (f) => ['draw', '-q', '-r', '12', '-o', `${f}-%d.png`, f], (status, out) =>
    status === 0 ? lines(out).filter((l) => !MUPDF_ENVIRONMENT.test(l)) : [`exit ${status}`, ...lines(out)],
  );
  run('ghostscript', 'gs', (f) => ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', f], (status, out) =>
    status === 0 ? lines(out) : [`exit ${status}`, ...lines(out)],
  );
  findings.push(...(await pdfjsWarnings(bytes)).map((w) => `pdf.js: ${w}`));
  return { missing, findings };
}

/** Loads and fully interprets every page with pdf.js, collecting what it logs as warnings or errors. */
async function pdfjsWarnings(bytes: Uint8Array): Promise<string[]> {
  const said: string[] = [];
  const orig = { log: console.log, warn: console.warn, error: console.error };
  const capture = (...a: unknown[]) => void said.push(a.map(String).join(' '));
  console.log = console.warn = console.error = capture;
  try {
    const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 1 }).promise;
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      await page.getOperatorList();
      await page.getTextContent();
      await page.getAnnotations();
    }
    await doc.getMetadata();
    await doc.getOutline();
    await doc.destroy();
  } catch (e) {
    said.push(`failed: ${String(e)}`);
  } finally {
    Object.assign(console, orig);
  }
  return said;
}
