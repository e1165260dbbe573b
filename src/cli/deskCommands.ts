/**
 * The editor's and reviewer's commands (pages, diff; more join here). Each implementation is imported only when
 * its command runs, so `build` never loads pdf.js, the canvas binding or the diff code.
 */
import type { Command } from 'commander';

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
}
