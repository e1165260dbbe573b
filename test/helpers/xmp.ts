/**
 * Parses an XMP packet with a strict XML parser (Python's ElementTree: an unescaped "&" or "<" is an error,
 * unlike pdfjs's lenient reader) and returns the properties PDF/A ties to the Info dictionary.
 */
import { spawnSync } from 'node:child_process';

export interface XmpFields {
  readonly title?: string;
  readonly creator?: string;
  readonly description?: string;
  readonly keywords?: string;
  readonly producer?: string;
  readonly creatorTool?: string;
  readonly createDate?: string;
  readonly modifyDate?: string;
  readonly pdfaPart?: string;
  readonly pdfaConformance?: string;
  readonly pdfuaPart?: string;
  /** Prefixes declared by pdfaExtension schemas. */
  readonly extensionPrefixes: readonly string[];
  readonly extensionNamespaces: readonly string[];
}

const SCRIPT = String.raw`
import json, sys, xml.etree.ElementTree as ET
ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'dc': 'http://purl.org/dc/elements/1.1/',
      'pdf': 'http://ns.adobe.com/pdf/1.3/', 'xmp': 'http://ns.adobe.com/xap/1.0/',
      'pdfaid': 'http://www.aiim.org/pdfa/ns/id/', 'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
      'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#'}
data = sys.stdin.buffer.read()
try:
    root = ET.fromstring(data)
except ET.ParseError as e:
    print(json.dumps({'error': str(e)})); sys.exit(0)
def text(path):
    e = root.find('.//' + path, ns)
    return None if e is None else (e.text or '')
out = {
  'title': text('dc:title/rdf:Alt/rdf:li'), 'creator': text('dc:creator/rdf:Seq/rdf:li'),
  'description': text('dc:description/rdf:Alt/rdf:li'), 'keywords': text('pdf:Keywords'),
  'producer': text('pdf:Producer'), 'creatorTool': text('xmp:CreatorTool'), 'createDate': text('xmp:CreateDate'),
  'modifyDate': text('xmp:ModifyDate'), 'pdfaPart': text('pdfaid:part'), 'pdfaConformance': text('pdfaid:conformance'),
  'pdfuaPart': text('pdfuaid:part'),
  'extensionPrefixes': [e.text for e in root.findall('.//pdfaSchema:prefix', ns)],
  'extensionNamespaces': [e.text for e in root.findall('.//pdfaSchema:namespaceURI', ns)],
}
print(json.dumps({k: v for k, v in out.items() if v is not None}))
`;

/** Parses strictly; throws with the parser's message when the packet is not well-formed XML. */
export function parseXmp(xml: Uint8Array | string): XmpFields {
  const r = spawnSync('python3', ['-c', SCRIPT], { input: typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as XmpFields & { error?: string };
  if (j.error) throw new Error(`XMP is not well-formed XML: ${j.error}`);
  return j;
}
