/**
 * Output intents: the colour condition the document's device colours mean. Screen and archival builds declare
 * sRGB (all their colours are DeviceRGB); the print build declares the press condition its DeviceCMYK values
 * were chosen for. The profiles ship in icc/ with their licences (see icc/README.md); nothing is read elsewhere.
 */
import { readFileSync } from 'node:fs';
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

const profiles = new Map<string, Buffer>();

/** pdfkit internals used here (pdfkit 0.20.2). */
interface PdfkitRefs {
  ref: (data: Record<string, unknown>) => { write: (b: Uint8Array) => void; end: () => void };
  _root: { data: Record<string, unknown> };
}

/** Embeds the profile once and lists one output intent per subtype in the catalog (all sharing the profile). */
export function addOutputIntent(doc: PDFKit.PDFDocument, spec: OutputIntentSpec): void {
  const d = doc as unknown as PdfkitRefs;
  let bytes = profiles.get(spec.file);
  if (!bytes) profiles.set(spec.file, (bytes = readFileSync(join(ICC_DIR, spec.file))));
  const profile = d.ref({ Length: bytes.length, N: spec.components });
  profile.write(bytes);
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
