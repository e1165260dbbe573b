/** `reportpress schema [-o DIR]`: writes the JSON Schemas editors use (report, section, figures, chart, template). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { jsonSchemas, SCHEMA_FILES, type SchemaKind } from '../schema/jsonSchemas.ts';

/** Writes every schema into `dir` (stable key order, so regenerating gives the same bytes). */
export async function writeSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const all = jsonSchemas();
  const files: string[] = [];
  for (const kind of Object.keys(SCHEMA_FILES) as SchemaKind[]) {
    const file = join(dir, SCHEMA_FILES[kind]);
    await writeFile(file, JSON.stringify(all[kind], null, 2) + '\n');
    files.push(file);
  }
  return files;
}

/** The command. */
export async function runSchema(o: { output?: string }): Promise<void> {
  const dir = resolve(o.output ?? 'schemas');
  const files = await writeSchemas(dir);
  process.stdout.write(`wrote ${files.length} schemas to ${dir}\n`);
}
