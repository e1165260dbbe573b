/**
 * The editor's and reviewer's commands (pages, diff; more join here). Each implementation is imported only when
 * its command runs, so `build` never loads pdf.js, the canvas binding or the diff code.
 */
import type { Command } from 'commander';
import { DEFAULT_CONTENT_DIR } from '../paths.ts';

/** Adds the commands to the program. */
export function registerDeskCommands(program: Command): void {
  program
    .command('pages')
    .description('render every page of a PDF as PNG, plus a contact sheet of all pages')
    .argument('[pdf]', 'PDF file', 'out/jaarverslag-2020.pdf')
    .option('-o, --output <dir>', 'output folder (default: out/pages)')
    .option('--dpi <n>', 'resolution of the page images (default: 96)')
    .action(async (pdf: string, o) => (await import('./pages.ts')).runPages(pdf, o));

  program
    .command('diff')
    .description('compare two PDFs page by page; exit 0 when equal, 1 when different')
    .argument('<old>', 'old PDF')
    .argument('<new>', 'new PDF')
    .option('-o, --output <dir>', 'folder for the images, summary.txt and index.html (default: out/diff)')
    .option('--text', 'compare the words of each page only (nothing rendered)')
    .option('--dpi <n>', 'resolution pages are compared at (default: 72)')
    .action(async (a: string, b: string, o) => (await import('./diff.ts')).runDiff(a, b, o));

  program
    .command('schema')
    .description('write JSON Schemas of report, section, figures, chart and template files (editor completion)')
    .option('-o, --output <dir>', 'output folder (default: schemas)')
    .action(async (o) => (await import('./schema.ts')).runSchema(o));

  program
    .command('watch')
    .description('rebuild the PDF on every change of the content, template or fonts (one line per rebuild)')
    .argument('[content-dir]', 'content folder', DEFAULT_CONTENT_DIR)
    .option('-o, --output <file>', 'PDF file to write (default: out/<folder name>.pdf)')
    .option('--cache-dir <dir>', 'cache folder (default: .cache beside the PDF)')
    .option('--no-cache', 'keep no caches on disk')
    .action(async (dir: string, o) => (await import('./watch.ts')).runWatch(dir, o));

  program
    .command('preview')
    .description('watch and show the pages in a local web page (127.0.0.1), errors and warnings with positions')
    .argument('[content-dir]', 'content folder', DEFAULT_CONTENT_DIR)
    .option('-o, --output <file>', 'PDF file to write (default: out/<folder name>.pdf)')
    .option('--port <n>', 'port (default: a free one)')
    .option('--host <host>', 'address to bind (default: 127.0.0.1)')
    .option('--cache-dir <dir>', 'cache folder (default: .cache beside the PDF)')
    .option('--no-cache', 'keep no caches on disk')
    .action(async (dir: string, o) => (await import('./preview.ts')).runPreview(dir, o));

  program
    .command('init')
    .description('create a new report folder (report.yaml, a section, figures.yaml, a chart, JSON Schemas) that builds at once')
    .argument('[dir]', 'folder to create', 'report')
    .option('--language <tag>', 'language of the starter report and its words: en, nl, de, fr (any BCP 47 tag; others get English words)', 'en')
    .action(async (dir: string, o: { language: string }) => (await import('./init.ts')).runInit(dir, o.language));
}
