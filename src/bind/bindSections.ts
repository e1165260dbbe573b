/** Binds the sections: every text interpolated, chart blocks replaced by chart ids, footnote references checked. */
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { ContentBlock, SectionSource, Text } from '../load/types.ts';
import type { BoundBlock, BoundChartSpec, BoundSection, BoundText, DataRow } from './types.ts';
import { interpolate, type InterpolateEnv } from './interpolate.ts';
import { checkRefs } from './refTargets.ts';
import { boundChart, chartDatasets, chartId, mapSpecStrings } from './bindCharts.ts';

/** Footnote reference in text: [^id]. */
const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;

/** Per-run state shared by all sections. */
export interface SectionEnv extends InterpolateEnv {
  readonly datasets: ReadonlyMap<string, readonly DataRow[]>;
  /** limits.chartValues: data values one chart may use. */
  readonly maxChartValues?: number;
  readonly charts: BoundChartSpec[];
  readonly chartIds: Set<string>;
  readonly warnings: Diagnostic[];
  /** Ids page references may name (sections and blocks with an id). */
  readonly targets?: ReadonlySet<string>;
}

/** Binds one section; charts are appended to env.charts. */
export function bindSection(s: SectionSource, env: SectionEnv): BoundSection {
  const footnoteIds = [...s.footnotes.keys()];
  const referenced = new Set<string>();
  const bt = (t: Text): BoundText => {
    for (const m of t.value.matchAll(FOOTNOTE_REF)) {
      referenced.add(m[1]);
      if (!s.footnotes.has(m[1])) env.errors.push(messages.unknownFootnote(m[1], footnoteIds, env.locate(t, m[0], 0)));
    }
    if (env.targets) checkRefs(t, env.targets, new Set(footnoteIds), env.locate, env.errors);
    return { text: interpolate(t, env), source: t.span };
  };
  const opt = (t: Text | undefined) => (t === undefined ? undefined : bt(t));
  const lead = opt(s.lead);
  let chartIndex = 0;
  const blocks = s.blocks.map((b): BoundBlock => {
    const bound = bindBlock(b, bt, opt, () => chartIndex++, s, env);
    return b.lang ? { ...bound, lang: b.lang } : bound;
  });
  const footnotes = new Map([...s.footnotes].map(([id, t]) => [id, bt(t)] as const));
  for (const [id, t] of s.footnotes) if (!referenced.has(id)) env.warnings.push(messages.unusedFootnote(id, t.span));
  const title = interpolate(s.title, env);
  return {
    id: s.id,
    kind: s.kind,
    label: s.label === undefined ? undefined : interpolate(s.label, env),
    title,
    shortTitle: s.shortTitle === undefined ? title : interpolate(s.shortTitle, env),
    lead,
    blocks,
    footnotes,
    ...(s.lang && { lang: s.lang }),
    source: s.span,
  };
}

function bindBlock(
  b: ContentBlock,
  bt: (t: Text) => BoundText,
  opt: (t: Text | undefined) => BoundText | undefined,
  nextChart: () => number,
  s: SectionSource,
  env: SectionEnv,
): BoundBlock {
  switch (b.type) {
    case 'paragraph':
      return { type: b.type, text: bt(b.text) };
    case 'heading':
      return { type: 'heading', text: bt(b.text), ...(b.id ? { id: b.id } : {}) };
    case 'quote':
      return { type: 'quote', text: bt(b.text), by: opt(b.by) };
    case 'facts':
      return { type: 'facts', title: bt(b.title), items: b.items.map((i) => ({ label: bt(i.label), value: bt(i.value) })) };
    case 'keyFigure':
      return { type: 'keyFigure', value: bt(b.value), text: bt(b.text) };
    case 'list':
      return { type: 'list', title: opt(b.title), ordered: b.ordered, items: b.items.map(bt) };
    case 'video':
      return { type: 'video', title: bt(b.title), url: b.url.value, source: b.span };
    case 'image':
      return { type: 'image', src: b.src, alt: interpolate(b.alt, env), caption: opt(b.caption), ...(b.id ? { id: b.id } : {}), source: b.span };
    case 'chart': {
      const id = chartId(b, s.id, s.span.file, nextChart(), env.chartIds);
      // a string without a reference or escape is kept as it is (interpolate's own shortcut), without finding its span
      const spec = mapSpecStrings(b.spec.value, (str, ptr) =>
        str.includes('{') || str.includes('\\') ? interpolate({ value: str, span: b.spec.spans.get(ptr()) ?? b.span }, env) : str,
      ) as Record<string, unknown>;
      const caption = opt(b.caption);
      env.charts.push(boundChart(b, id, spec, chartDatasets(b, env.datasets, env.errors, env.maxChartValues), caption?.text, b.alt && interpolate(b.alt, env)));
      return { type: 'chart', chartId: id, caption, ...(b.id ? { id: b.id } : {}), source: b.span };
    }
    case 'table':
      return {
        type: 'table',
        title: opt(b.title),
        columns: b.columns.map((c) => ({ ...c, label: bt(c.label) })),
        rows: b.rows.map((r) => ({ kind: r.kind, cells: r.cells.map(bt), indent: r.indent })),
        sourceLine: opt(b.source),
        note: opt(b.note),
        ...(b.id ? { id: b.id } : {}),
        source: b.span,
      };
    case 'signature':
      return { type: 'signature', name: bt(b.name), role: opt(b.role) };
  }
}
