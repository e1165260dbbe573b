/** `reportpress init [DIR]`: a new report folder that builds at once (scaffoldFiles) plus its JSON Schemas. */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../diag/errors.ts';
import { scaffoldFiles } from '../init/scaffoldFiles.ts';
import { writeSchemas } from './schema.ts';

/** Writes the scaffold into `dir`, which must not exist or be empty (nothing is ever overwritten). */
export async function initReport(dir: string, date: string): Promise<string[]> {
  if (existsSync(dir) && readdirSync(dir).length) throw new UsageError(`"${dir}" is not empty; init writes only into a new or empty folder`);
  const title = basename(dir).replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const files: string[] = [];
  for (const [rel, text] of Object.entries(scaffoldFiles(title, date))) {
    const file = join(dir, rel);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    files.push(file);
  }
  files.push(...(await writeSchemas(join(dir, 'schemas'))));
  return files;
}

/** The command; today's date goes into report.yaml (the PDF's date comes from there, never from the clock). */
export async function runInit(dir: string): Promise<void> {
  const target = resolve(dir);
  const files = await initReport(target, new Date().toISOString().slice(0, 10));
  process.stdout.write(`created ${files.length} files in ${target}\nnext: reportpress build ${dir}   or   reportpress preview ${dir}\n`);
}
