/** `reportpress init [DIR]`: a new report folder that builds at once (scaffoldFiles) plus its JSON Schemas. */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../diag/errors.ts';
import { scaffoldFiles } from '../init/scaffoldFiles.ts';
import { isValidTag, localeOrDefault, primaryLanguage } from '../locale/index.ts';
import { writeSchemas } from './schema.ts';

/** Language of a new report when none is asked for: English, the tool's own language. */
export const DEFAULT_INIT_LANGUAGE = 'en';

/**
 * The report's tag for `--language`: a bare language takes its locale's usual region ("en" → "en-GB", "nl" →
 * "nl-NL"); a tag with a region is kept. A language without locale data gets English words (and LANG003 on build).
 */
export function initLanguage(language: string): string {
  if (!isValidTag(language)) throw new UsageError(`invalid language "${language}": write a BCP 47 tag, e.g. en, nl, de, fr or en-US`);
  const own = localeOrDefault(language).scaffold.language;
  return language.includes('-') || primaryLanguage(own) !== primaryLanguage(language) ? language : own;
}

/** Writes the scaffold into `dir`, which must not exist or be empty (nothing is ever overwritten). */
export async function initReport(dir: string, date: string, language = DEFAULT_INIT_LANGUAGE): Promise<string[]> {
  if (existsSync(dir) && readdirSync(dir).length) throw new UsageError(`"${dir}" is not empty; init writes only into a new or empty folder`);
  const tag = initLanguage(language);
  const title = basename(dir).replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const files: string[] = [];
  for (const [rel, text] of Object.entries(scaffoldFiles(title, date, tag, localeOrDefault(tag).scaffold))) {
    const file = join(dir, rel);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    files.push(file);
  }
  files.push(...(await writeSchemas(join(dir, 'schemas'))));
  return files;
}

/** The command; today's date goes into report.yaml (the PDF's date comes from there, never from the clock). */
export async function runInit(dir: string, language = DEFAULT_INIT_LANGUAGE): Promise<void> {
  const target = resolve(dir);
  const files = await initReport(target, new Date().toISOString().slice(0, 10), language);
  process.stdout.write(`created ${files.length} files in ${target}\nnext: reportpress build ${dir}   or   reportpress preview ${dir}\n`);
}
