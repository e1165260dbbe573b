/**
 * What a print shop's preflight looks at, read from the PDF objects: the colour operators and colour spaces of
 * every content stream (pages, the form XObjects and tiling patterns they paint, shadings), and the crop marks.
 */
import type { Json, PdfObjects } from './pdfObjects.ts';

type Dict = { [k: string]: Json };

export interface ColourUse {
  /** RGB and gray colour operators (rg, RG, g, G; sc/scn with 3 or 1 operands) with their operands. */
  readonly rgb: string[];
  /** Colour spaces selected (cs/CS operands) and used by shadings and images' neighbours. */
  readonly spaces: string[];
  /** CMYK values set (k/K, or sc/scn with four operands), as their operand text. */
  readonly cmyk: string[];
}

const NUM = '-?(?:\\d+\\.?\\d*|\\.\\d+)';
const OPS = new RegExp(`(?<=^|\\s)((?:${NUM}\\s+){1,4})(rg|RG|g|G|k|K|scn|SCN|sc|SC)(?=\\s|$)|(/[^\\s/<>\\[\\]()]+)\\s+(cs|CS)(?=\\s|$)|/([^\\s/<>\\[\\]()]+)\\s+Do(?=\\s|$)`, 'g');

/** Walks every content stream reachable from the pages and collects its colour operators. */
export function colourOperators(o: PdfObjects): ColourUse {
  const out: ColourUse = { rgb: [], spaces: [], cmyk: [] };
  const seen = new Set<string>();
  const walkResources = (res: Dict) => {
    for (const ref of Object.values(o.dict(res['/XObject']))) visit(ref);
    for (const ref of Object.values(o.dict(res['/Pattern']))) visit(ref);
    for (const ref of Object.values(o.dict(res['/Shading']))) shading(o.dict(ref));
  };
  const shading = (sh: Dict) => {
    const cs = sh['/ColorSpace'];
    if (cs !== undefined) out.spaces.push(String(Array.isArray(cs) ? cs[0] : o.get(cs)));
  };
  const visit = (ref: Json) => {
    if (typeof ref !== 'string' || seen.has(ref)) return;
    seen.add(ref);
    const d = o.dict(ref);
    if (d['/Subtype'] === '/Image') return;
    if (d['/PatternType'] === 2) return shading(o.dict(d['/Shading']));
    scan(o.streamData(ref).toString('latin1'));
    walkResources(o.dict(d['/Resources']));
  };
  const scan = (content: string) => {
    for (const m of content.matchAll(OPS)) {
      if (m[2]) {
        const args = m[1]!.trim().split(/\s+/);
        const setter = /^s[cC]n?$|^S[cC]N?$/.test(m[2]);
        // rg/RG/g/G, or sc/scn with 3 (RGB) or 1 (gray) operands: anything but four CMYK components.
        if (['rg', 'RG', 'g', 'G'].includes(m[2]) || (setter && (args.length === 3 || args.length === 1))) out.rgb.push(`${m[1]!.trim()} ${m[2]}`);
        else if (args.length === 4 || m[2] === 'k' || m[2] === 'K') out.cmyk.push(args.slice(-4).join(' '));
      } else if (m[4]) out.spaces.push(m[3]!);
    }
  };
  for (const page of o.pages()) {
    scan(o.content(page));
    walkResources(o.dict(page['/Resources']));
  }
  return out;
}

/**
 * The line segments drawn inside the page's `/Artifact <</Type /Page>>` sequences, in PDF user space (bottom-up):
 * pdfkit's page stream starts with `1 0 0 -1 0 H cm` and the marks are drawn under that flip alone.
 */
export function cropMarkSegments(o: PdfObjects, page: Dict): [number, number, number, number][] {
  const content = o.content(page);
  const flip = /^\s*1 0 0 -1 0 ([\d.]+) cm/.exec(content);
  if (!flip) throw new Error('page stream does not start with pdfkit\'s y flip');
  const h = Number(flip[1]);
  const out: [number, number, number, number][] = [];
  for (const block of content.matchAll(/\/Artifact <<\/Type \/Page>> BDC([\s\S]*?)EMC/g)) {
    if (/\scm\s/.test(block[1]!)) throw new Error('crop marks drawn under a transformation this reader does not follow');
    let from: [number, number] | undefined;
    for (const m of block[1]!.matchAll(new RegExp(`(${NUM})\\s+(${NUM})\\s+(m|l)(?=\\s)`, 'g'))) {
      const p: [number, number] = [Number(m[1]), h - Number(m[2])];
      if (m[3] === 'l' && from) out.push([from[0], from[1], p[0], p[1]]);
      from = p;
    }
  }
  return out;
}
