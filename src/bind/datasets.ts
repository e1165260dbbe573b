/** Builds chart datasets from figures (`from` a group, several groups, or explicit rows) and runs `checks:`. */
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { didYouMean } from '../diag/suggest.ts';
import type { FiguresFile } from '../spec/figures.ts';
import type { LocatedJson } from '../load/types.ts';
import type { DataRow } from './types.ts';
import { evaluate, holds, parseComparison, refsOf } from './expression.ts';
import { spanAt, type FigureTable } from './parseFigures.ts';

import { DEFAULT_LIMITS, type Limits } from '../spec/limitDefaults.ts';

/** A cell written as "{path}" takes the figure's raw value. */
const CELL_REF = /^\{\s*([\w.-]+)\s*\}$/;

/** Dataset name → rows; datasets with errors are left out (the errors say why). */
export function buildDatasets(
  file: FiguresFile,
  t: FigureTable,
  json: LocatedJson,
  used: Set<string>,
  errors: Diagnostic[],
  limits: Pick<Limits, 'datasetRows'> = DEFAULT_LIMITS,
): Map<string, DataRow[]> {
  const out = new Map<string, DataRow[]>();
  for (const [name, ds] of Object.entries(file.datasets)) {
    const at = (rel: string) => spanAt(json, `/datasets/${name}${rel}`);
    const fail = (detail: string, rel = '', hint?: string) => void errors.push(messages.badDataset(name, detail, at(rel), hint));
    const groupRows = (group: string, rel: string): [string, number | string][] | undefined => {
      const keys = t.groups.get(group);
      if (!keys) return fail(`unknown group "${group}"`, rel, t.figures.has(group) ? 'name the group that holds the figures, not a figure' : undefined);
      const subgroup = keys.find((k) => t.groups.has(`${group}.${k}`));
      if (subgroup) return fail(`"${group}.${subgroup}" is a group; a dataset row needs a single figure`, rel);
      return keys.map((k) => {
        const p = `${group}.${k}`;
        used.add(p);
        return [k, t.values.get(p)?.value ?? NaN];
      });
    };
    const cols = ds.columns;
    let rows: DataRow[] | undefined;
    if (typeof ds.from === 'string') {
      if (cols.length !== 2) { fail(`a dataset "from" one group has 2 columns (key, value), found ${cols.length}`, '/columns'); continue; }
      rows = groupRows(ds.from, '/from')?.map(([k, v]) => ({ [cols[0]]: k, [cols[1]]: v }));
    } else if (Array.isArray(ds.from)) {
      if (cols.length !== 3) { fail(`a dataset "from" several groups has 3 columns (series, key, value), found ${cols.length}`, '/columns'); continue; }
      const parts = ds.from.map((f, i) => groupRows(f.group, `/from/${i}/group`)?.map(([k, v]) => ({ [cols[0]]: f.label, [cols[1]]: k, [cols[2]]: v })));
      rows = parts.every(Boolean) ? parts.flat() as DataRow[] : undefined;
    } else if (ds.rows) {
      if (ds.rows.length > limits.datasetRows) {
        errors.push(messages.limitExceeded('datasetRows', ds.rows.length, limits.datasetRows, at('/rows'), `rows of dataset "${name}"`));
        continue;
      }
      rows = explicitRows(ds.rows, cols, t, used, fail);
    } else fail('needs "from" or "rows"');
    if (rows) out.set(name, rows);
  }
  return out;
}

function explicitRows(rows: readonly (readonly (string | number)[])[], cols: readonly string[], t: FigureTable, used: Set<string>, fail: (d: string, rel: string, hint?: string) => void): DataRow[] | undefined {
  let ok = true;
  const out = rows.map((r, i) => {
    if (r.length !== cols.length) {
      fail(`row ${i + 1} has ${r.length} cells but there are ${cols.length} columns`, `/rows/${i}`);
      ok = false;
    }
    const row: Record<string, number | string> = {};
    r.forEach((cell, j) => {
      const m = typeof cell === 'string' ? CELL_REF.exec(cell) : null;
      if (m) {
        used.add(m[1]);
        const v = t.values.get(m[1]);
        if (!v) {
          fail(`unknown figure "${m[1]}"`, `/rows/${i}/${j}`, didYouMean(m[1], t.figures.keys()));
          ok = false;
        }
        row[cols[j]] = v?.value ?? '';
      } else if (typeof cell === 'number' && !Number.isFinite(cell)) {
        fail(`cell ${j + 1} of row ${i + 1} is ${cell}, not a finite number`, `/rows/${i}/${j}`);
        ok = false;
      } else row[cols[j]] = cell;
    });
    return row;
  });
  // A column that holds numbers holds only numbers: a word among them would make the chart drop that row silently.
  cols.forEach((col, j) => {
    if (!out.some((r) => typeof r[col] === 'number')) return;
    out.forEach((r, i) => {
      const v = r[col];
      if (typeof v === 'string' && v.trim() !== '' && !Number.isFinite(Number(v))) {
        fail(`"${v}" in column "${col}" is not a number, but the column holds numbers`, `/rows/${i}/${j}`, 'write a number, or leave the row out');
        ok = false;
      }
    });
  });
  return ok ? out : undefined;
}

/** Evaluates every check; a failure is an error at its `expect` with both sides' values. */
export function runChecks(file: FiguresFile, t: FigureTable, json: LocatedJson, used: Set<string>, errors: Diagnostic[]): void {
  const known = [...t.figures.keys()];
  file.checks.forEach((check, i) => {
    const span = spanAt(json, `/checks/${i}/expect`);
    let cmp;
    try {
      cmp = parseComparison(check.expect);
    } catch (e) {
      return void errors.push(messages.badExpression(check.expect, (e as Error).message, span));
    }
    const refs = [...refsOf(cmp.left), ...refsOf(cmp.right)];
    let ok = true;
    for (const r of refs) {
      used.add(r);
      const v = t.values.get(r);
      if (!t.figures.has(r)) ok = !!errors.push(messages.unknownFigureInFigures(r, span, known)) && false;
      else if (v && v.kind !== 'number') ok = !!errors.push(messages.notANumber(r, span)) && false;
      else if (!v) ok = false;
    }
    if (!ok) return;
    const num = (p: string) => t.values.get(p)!.value as number;
    const a = evaluate(cmp.left, num);
    const b = evaluate(cmp.right, num);
    if (!holds(cmp.op, a, b, check.within)) errors.push(messages.checkFailed(check.expect, a, cmp.op, b, span, check.message, check.within));
  });
}
