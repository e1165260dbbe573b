/**
 * Reads a PDF's objects with qpdf's JSON output (qpdf --json=2, streams decoded), an implementation independent
 * of pdfkit and pdfjs: catalog, pages with their boxes, annotations, fonts, content streams, XMP.
 * qpdf is a Debian package (.ci/run installs it); `hasTool('qpdf')` lets a test say why it cannot run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A qpdf JSON value: names "/X", strings "u:text" or "b:hex", references "n 0 R", numbers, arrays, dicts. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Dict = { [k: string]: Json };

/** True when the command-line tool is installed. */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Runs a tool on the PDF bytes (written to a temporary file); returns status and output. */
export function runTool(cmd: string, args: (file: string) => string[], bytes: Uint8Array): { status: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rp-tool-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    const r = spawnSync(cmd, args(file), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's objects, resolved lazily. */
export class PdfObjects {
  private readonly objects: Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>;
  readonly trailer: Dict;

  constructor(bytes: Uint8Array) {
    const dir = mkdtempSync(join(tmpdir(), 'rp-qpdf-'));
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    try {
      const json = execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 512 * 1024 * 1024 });
      const q = JSON.parse(json.toString('utf8')).qpdf[1] as PdfObjects['objects'];
      this.objects = q;
      this.trailer = (q.trailer!.value ?? {}) as Dict;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Follows a reference (other values are returned as they are); a stream resolves to its dictionary. */
  get(v: Json | undefined): Json | undefined {
    if (typeof v === 'string' && / 0 R$/.test(v)) {
      const o = this.objects[`obj:${v}`];
      return o?.value ?? o?.stream?.dict;
    }
    return v;
  }

  dict(v: Json | undefined): Dict {
    const d = this.get(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Dict) : {};
  }

  array(v: Json | undefined): Json[] {
    const a = this.get(v);
    return Array.isArray(a) ? a : [];
  }

  /** Decoded bytes of a stream reference. */
  streamData(ref: Json | undefined): Buffer {
    const o = typeof ref === 'string' ? this.objects[`obj:${ref}`] : undefined;
    return Buffer.from(o?.stream?.data ?? '', 'base64');
  }

  get catalog(): Dict {
    return this.dict(this.trailer['/Root']);
  }

  /** Page dictionaries in order (Kids of the root Pages node; reportpress writes a flat tree). */
  pages(): Dict[] {
    return this.array(this.dict(this.catalog['/Pages'])['/Kids']).map((k) => this.dict(k));
  }

  /** The page's content streams, decoded and joined. */
  content(page: Dict): string {
    const c = page['/Contents'];
    const refs = Array.isArray(c) ? c : [c ?? null];
    return refs.map((r) => this.streamData(r).toString('latin1')).join('\n');
  }

  /** Every object that is a dictionary (or a stream's dictionary), with its reference. */
  *all(): Generator<[string, Dict]> {
    for (const [k, o] of Object.entries(this.objects)) {
      if (!k.startsWith('obj:')) continue;
      const d = o.value ?? o.stream?.dict;
      if (d && typeof d === 'object' && !Array.isArray(d)) yield [k.slice(4), d as Dict];
    }
  }
}

/** Text of a qpdf JSON string value ("u:…" text or "b:…" hex bytes). */
export function str(v: Json | undefined): string {
  if (typeof v !== 'string') return '';
  if (v.startsWith('u:')) return v.slice(2);
  if (v.startsWith('b:')) return Buffer.from(v.slice(2), 'hex').toString('latin1');
  return v;
}

/** Numbers of an array value (a box). */
export function nums(v: Json | undefined): number[] {
  return Array.isArray(v) ? v.map((x) => Number(x)) : [];
}

/** Actions and keys PDF/A-2 forbids (6.5.1, 6.6.1/2): JavaScript, Launch and friends, additional actions. */
export function forbiddenActions(o: PdfObjects): string[] {
  const bad: string[] = [];
  for (const [ref, d] of o.all()) {
    const s = d['/S'];
    if (['/JavaScript', '/Launch', '/Sound', '/Movie', '/ResetForm', '/ImportData', '/Hide', '/SetOCGState', '/Rendition', '/Trans', '/GoTo3DView'].includes(String(s)) && d['/Type'] !== '/OutputIntent') {
      bad.push(`${ref}: action ${String(s)}`);
    }
    if ('/JS' in d) bad.push(`${ref}: /JS`);
    if ('/AA' in d) bad.push(`${ref}: /AA`);
  }
  return bad;
}
