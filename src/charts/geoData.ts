/**
 * Map outlines for geoshape charts: the TopoJSON files of world-atlas (Natural Earth, public domain), read from
 * the installed package, never fetched. A chart names one like a dataset, with its TopoJSON format:
 *   data: { name: geo:countries-50m, format: { type: topojson, feature: countries } }
 * and joins the report's figures to it with a lookup on the ISO 3166 numeric country id.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Dataset names a chart may use for outlines, and their files in world-atlas (10m is left out: 3–4 MB). */
const FILES: Readonly<Record<string, string>> = {
  'geo:countries-110m': 'countries-110m.json',
  'geo:countries-50m': 'countries-50m.json',
  'geo:land-110m': 'land-110m.json',
  'geo:land-50m': 'land-50m.json',
};

/** The outline dataset names, for messages. */
export const GEO_NAMES: readonly string[] = Object.keys(FILES);

export const isGeoName = (name: string): boolean => Object.hasOwn(FILES, name);

const loaded = new Map<string, unknown>();

/** The TopoJSON topology of an outline dataset, parsed once per process. */
export function geoTopology(name: string): unknown {
  let t = loaded.get(name);
  if (t === undefined) {
    const file = createRequire(import.meta.url).resolve(`world-atlas/${FILES[name]}`);
    t = JSON.parse(readFileSync(file, 'utf8'));
    loaded.set(name, t);
  }
  return t;
}

/** Outline dataset names a spec refers to anywhere (`"name": "geo:…"`). */
export function geoNamesIn(spec: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'name' && typeof x === 'string' && isGeoName(x)) found.add(x);
        else visit(x);
      }
    }
  };
  visit(spec);
  return [...found];
}
