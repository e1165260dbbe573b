/**
 * Every colour space a PDF uses, read with the object walker (pdfObjectWalker.ts, independent of qpdf and pdf.js):
 * the /ColorSpace of image XObjects, shadings and resource dictionaries, transparency groups' /CS, and the colour
 * operators of every content stream (pages, form XObjects, tiling patterns). ICCBased spaces are named with their
 * number of components ("ICCBased/N3" is RGB). A soft mask's DeviceGray is counted apart: it is a mask, not colour.
 */
import { Name, readObjects, Ref, type PdfDict, type PdfObjects, type PdfValue } from './pdfObjectWalker.ts';

/** How often each colour space occurs (objects that declare it, or operators that select it). */
export type ColourSpaceCounts = Record<string, number>;

const OPERATOR_SPACE: Record<string, string> = { rg: 'DeviceRGB', RG: 'DeviceRGB', g: 'DeviceGray', G: 'DeviceGray', k: 'DeviceCMYK', K: 'DeviceCMYK' };

/** The colour spaces of the whole file. */
export function colourSpaceCounts(bytes: Uint8Array): ColourSpaceCounts {
  const o = readObjects(bytes);
  const out: ColourSpaceCounts = {};
  const add = (k: string) => (out[k] = (out[k] ?? 0) + 1);
  const masks = new Set<number>();
  for (const v of o.objects.values()) {
    const m = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Name) && !(v instanceof Ref) ? (v as PdfDict).SMask : undefined;
    if (m instanceof Ref) masks.add(m.num);
  }
  const contentStreams = new Set<number>();
  for (const [num, v] of o.objects) {
    if (!isDict(v)) continue;
    if (isName(v.Type, 'Page')) for (const c of [v.Contents].flat()) if (c instanceof Ref) contentStreams.add(c.num);
    if (isName(v.Subtype, 'Form') || v.PatternType === 1) contentStreams.add(num);
    if (v.ColorSpace !== undefined) {
      if (isDict(o.get(v.ColorSpace)) && !isName(v.Subtype, 'Image') && v.ShadingType === undefined) {
        for (const cs of Object.values(o.dict(v.ColorSpace))) add(spaceName(o, cs));
      } else add(masks.has(num) ? `${spaceName(o, v.ColorSpace)} (soft mask)` : spaceName(o, v.ColorSpace));
    }
    if (isDict(v.Group) && v.Group.CS !== undefined) add(spaceName(o, v.Group.CS));
    if (isDict(o.get(v.Group)) && o.dict(v.Group).CS !== undefined) add(spaceName(o, o.dict(v.Group).CS));
  }
  for (const num of contentStreams) {
    const text = Buffer.from(o.streams.get(num) ?? new Uint8Array()).toString('latin1');
    for (const m of text.matchAll(/(?<=\s|^)(rg|RG|g|G|k|K)(?=\s|$)/g)) add(OPERATOR_SPACE[m[1]!]!);
    for (const m of text.matchAll(/\/(\w+)\s+(?:cs|CS)(?=\s)/g)) if (/^Device/.test(m[1]!)) add(m[1]!);
  }
  return out;
}

const isDict = (v: PdfValue | undefined): v is PdfDict => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Name) && !(v instanceof Ref);
const isName = (v: PdfValue | undefined, n: string) => v instanceof Name && v.name === n;

/** "DeviceCMYK", "ICCBased/N3", "Indexed(DeviceRGB)", "Separation(DeviceCMYK)", "Pattern" … */
function spaceName(o: PdfObjects, v: PdfValue | undefined): string {
  const cs = o.get(v);
  if (cs instanceof Name) return cs.name;
  if (Array.isArray(cs) && cs[0] instanceof Name) {
    const family = cs[0].name;
    if (family === 'ICCBased') return `ICCBased/N${String(o.dict(cs[1]).N)}`;
    if (family === 'Indexed') return `Indexed(${spaceName(o, cs[1])})`;
    if (family === 'Separation' || family === 'DeviceN') return `${family}(${spaceName(o, cs[family === 'Separation' ? 2 : 2])})`;
    if (family === 'Pattern') return cs.length > 1 ? `Pattern(${spaceName(o, cs[1])})` : 'Pattern';
    return family;
  }
  return String(cs);
}
