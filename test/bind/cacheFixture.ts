/** Two sections for the bind cache tests: one citing a figure and a footnote, one with a chart and a page reference. */
import { makeContent, REPORT_YAML } from '../load/fixture.ts';

export const A = 'kind: article\ntitle: A\nblocks:\n  - p: "Eerste {asiel.eerste}[^n]."\nfootnotes:\n  n: Noot.\n  ongebruikt: Nooit genoemd.\n';
export const B = 'kind: article\ntitle: B {nareis.inwilligingen}\nblocks:\n  - chart: { spec: charts/studie.vl.yaml }\n  - p: "Zie {page:a}."\n';
export const CHART = 'data: { name: studie-aanvragen }\nmark: bar\n';

/** A content folder with sections a (A) and b (B) and b's chart. */
export function twoSections(): string {
  return makeContent({
    'report.yaml': REPORT_YAML.replace('  - sections/a.yaml\n', '  - sections/a.yaml\n  - sections/b.yaml\n'),
    'sections/a.yaml': A,
    'sections/b.yaml': B,
    'charts/studie.vl.yaml': CHART,
  });
}
