/** Writes a tiny content folder to a temp dir for load/bind tests; paths inside are relative to that folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A valid report.yaml naming sections/a.yaml. */
export const REPORT_YAML = `title: Testverslag
organisation: Testdienst
author: Testdienst
subject: Test
date: 2021-04-30
template: rijksoverheid
sections:
  - sections/a.yaml
`;

/** Figures used by the bind tests. */
export const FIGURES_YAML = `figures:
  asiel:
    eerste: { value: 13670, label: Eerste aanvragen asiel, unit: aanvragen }
    volgend: 1600
    totaal: { sum: [asiel.eerste, asiel.volgend] }
  nareis:
    inwilligingen: { value: 0.70, format: percent }
  studie:
    aanvragen: { "2019": 20430, "2020": 12310 }
    verandering: { change: [studie.aanvragen.2019, studie.aanvragen.2020], format: percent }
  kennis:
    aanvragen: { "2019": 20970, "2020": 13710 }
    beslissingen: { "2019": 19000, "2020": 14000 }
  datums:
    publicatie: { date: 2021-04-30 }
datasets:
  studie-aanvragen: { from: studie.aanvragen, columns: [jaar, aanvragen] }
  kennis-talent:
    from:
      - { group: kennis.aanvragen, label: Aanvragen }
      - { group: kennis.beslissingen, label: Beslissingen }
    columns: [soort, jaar, aantal]
  totalen:
    columns: [soort, aantal]
    rows:
      - [Eerste, "{asiel.eerste}"]
      - [Volgend, 1600]
checks:
  - expect: asiel.eerste + asiel.volgend = asiel.totaal
`;

/** Creates the folder with report.yaml, figures.yaml and the given extra files; returns its path. */
export function makeContent(files: Record<string, string>, base: Record<string, string> = { 'report.yaml': REPORT_YAML, 'figures.yaml': FIGURES_YAML }): string {
  const dir = mkdtempSync(join(tmpdir(), 'reportpress-'));
  for (const [path, text] of Object.entries({ ...base, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
