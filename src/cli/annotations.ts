/**
 * GitHub Actions workflow commands for diagnostics (`::error file=…,line=…,col=…::message`), so errors and
 * warnings show on the pull request's lines. Printed to stdout, only when GITHUB_ACTIONS=true.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diag/types.ts';

// Escaping from the Actions toolkit (core/command.ts): data escapes % CR LF; properties also : and ,.
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One workflow command line; the file is made relative to the checkout (GITHUB_WORKSPACE) as GitHub expects. */
export function annotation(d: Diagnostic, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): string {
  const props: string[] = [];
  const s = d.span;
  if (s) {
    const rel = relative(workspace, resolve(s.file));
    props.push(`file=${escProp(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : s.file)}`, `line=${s.line}`, `col=${s.column}`);
    if (s.endLine !== undefined) props.push(`endLine=${s.endLine}`);
    if (s.endColumn !== undefined && (s.endLine === undefined || s.endLine === s.line)) props.push(`endColumn=${s.endColumn}`);
  }
  props.push(`title=${escProp(d.code)}`);
  const hint = d.hints.length ? `\n${d.hints.map((h) => `hint: ${h}`).join('\n')}` : '';
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escData(d.message + hint)}`;
}

/** True inside a GitHub Actions job. */
export const inGitHubActions = (env: NodeJS.ProcessEnv = process.env) => env.GITHUB_ACTIONS === 'true';
