/**
 * Output intents: the colour condition the document's device colours mean. Screen and archival builds declare
 * sRGB (all their colours are DeviceRGB); the print build declares the press condition its DeviceCMYK values
 * were chosen for. The profiles ship in icc/ with their licences (see icc/README.md); nothing is read elsewhere.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';

/** One output intent: the profile file in icc/ and how the PDF names the condition. */
export interface OutputIntentSpec {
  readonly file: string;
  /** Number of colour components of the profile (3 RGB, 4 CMYK). */
  readonly components: 3 | 4;
  /** OutputConditionIdentifier: a name in the ICC characterisation registry where there is one. */
  readonly identifier: string;
  readonly info: string;
  /** GTS_PDFA1 for PDF/A (also used by PDF/A-2), GTS_PDFX for a press condition. */
  readonly subtypes: readonly ('GTS_PDFA1' | 'GTS_PDFX')[];
}

/** sRGB IEC 61966-2.1 (icc-profiles-free's sRGB.icc, ICC v2, zlib licence: "no copyright, use freely"). */
export const SRGB_INTENT: OutputIntentSpec = {
  file: 'sRGB.icc',
  components: 3,
  identifier: 'sRGB IEC61966-2.1',
  info: 'sRGB IEC61966-2.1',
  subtypes: ['GTS_PDFA1'],
};

/**
 * FOGRA39 (ISO 12647-2:2004/Amd 1, offset on coated paper, type 1/2): the usual European sheet-fed condition
 * and the one Dutch printers expect for a report on coated paper. Registered at color.org as "FOGRA39".
 */
export const FOGRA39_INTENT: OutputIntentSpec = {
  file: 'FOGRA39L.icc',
  components: 4,
  identifier: 'FOGRA39',
  info: 'Coated FOGRA39 (ISO 12647-2:2004/Amd 1)',
  subtypes: ['GTS_PDFX'],
};

/** Where the shipped profiles live. */
export const ICC_DIR = join(PACKAGE_ROOT, 'icc');

/** pdfkit internals used here (pdfkit 0.20.2). */
interface PdfkitRefs {
  ref: (data: Record<string, unknown>) => { write: (b: Uint8Array) => void; end: () => void };
  _root: { data: Record<string, unknown> };
}

/**
 * Embeds the profile once and lists one output intent per subtype in the catalog (all sharing the profile).
 * `profiles` (the build context's `pdfProfiles`) keeps each profile compressed, so a rebuild neither reads nor
 * deflates it again: the stream is written as pdfkit writes a compressed one (zlib defaults; /Length, /N, /Filter).
 */
export function addOutputIntent(doc: PDFKit.PDFDocument, spec: OutputIntentSpec, profiles: Map<string, Uint8Array> = new Map()): void {
  const d = doc as unknown as PdfkitRefs;
  let z = profiles.get(spec.file);
  if (!z) profiles.set(spec.file, (z = new Uint8Array(deflateSync(readFileSync(join(ICC_DIR, spec.file))))));
  // a /Filter given up front: pdfkit leaves the stream as it is (and sets /Length to its size when it ends)
  const profile = d.ref({ Length: z.length, N: spec.components, Filter: 'FlateDecode' });
  profile.write(z);
  profile.end();
  d._root.data.OutputIntents = spec.subtypes.map((S) => {
    const intent = d.ref({
      Type: 'OutputIntent',
      S,
      OutputConditionIdentifier: new String(spec.identifier),
      Info: new String(spec.info),
      RegistryName: new String('http://www.color.org'),
      DestOutputProfile: profile,
    });
    intent.end();
    return intent;
  });
}
