/**
 * Turns a validated `table:` block into columns and rows with spans. A row whose cell count differs from the
 * column count is an error at the row: a table never drops or invents a cell (issue 11).
 */
import { isSeq } from 'yaml';
import * as messages from '../diag/messages.ts';
import type { Diagnostic } from '../diag/types.ts';
import { nodeAt, spanOf, type NodePath, type ParsedYaml } from './parseYaml.ts';
import type { ContentBlock, TableColumnSource, TableRowSource, Text } from './types.ts';

type TableBlock = Extract<ContentBlock, { type: 'table' }>;
type TextAt = (rel: NodePath, v: unknown) => Text;

/** Columns and rows of a table block; row errors are pushed to `errors` and the block is dropped by the caller. */
export function loadTable(p: ParsedYaml, d: any, at: NodePath, t: TextAt, errors: Diagnostic[]): Pick<TableBlock, 'columns' | 'rows'> | undefined {
  const columns: TableColumnSource[] = d.columns.map((c: any, i: number) =>
    typeof c === 'string' ? { label: t(['columns', i], c) } : { label: t(['columns', i, 'label'], c.label), ...(c.align ? { align: c.align } : {}), ...width(c.width) },
  );
  const rows: TableRowSource[] = [];
  let ok = true;
  d.rows.forEach((r: any, i: number) => {
    const rowAt = [...at, 'rows', i];
    const node = nodeAt(p, rowAt);
    const span = spanOf(p, node);
    if (!Array.isArray(r) && 'group' in r) {
      rows.push({ kind: 'group', cells: [t(['rows', i, 'group'], r.group)], indent: 0, span });
      return;
    }
    const key = Array.isArray(r) ? undefined : 'total' in r ? 'total' : 'cells';
    const cells: unknown[] = Array.isArray(r) ? r : r[key!];
    const cellsAt: NodePath = key ? ['rows', i, key] : ['rows', i];
    if (cells.length !== columns.length) {
      const seq = nodeAt(p, [...at, ...cellsAt]);
      errors.push(messages.tableRowCells(cells.length, columns.length, spanOf(p, seq ?? node), isSeq(seq) && !!seq.flow));
      ok = false;
      return;
    }
    rows.push({
      kind: key === 'total' ? 'total' : 'body',
      cells: cells.map((c, j) => t([...cellsAt, j], c)),
      indent: key === 'cells' ? r.indent : 0,
      span,
    });
  });
  return ok ? { columns, rows } : undefined;
}

function width(w: number | string | undefined): Pick<TableColumnSource, 'width'> {
  if (w === undefined) return {};
  return { width: typeof w === 'number' ? { pt: w } : { fraction: parseFloat(w) / 100 } };
}
