/**
 * The content keys of a document's parts computed before its charts are in (cli/build.ts calls this while the chart
 * worker is still running vega): a figures edit changes every chart and the ≈ 60 paragraphs citing the figures,
 * and the main thread, done laying out, would otherwise sit idle for the worker and then serialise and hash the
 * changed text parts in the PDF stage (the document ID asks for every part's key first: ≈ 6–20 ms of its time).
 *
 * Nothing here decides a byte: it fills the same memos the PDF stage reads (each item's JSON, partKeys.ts's keys by
 * item identity, layout's trusted keys and their hashes) through the same function with the same options, so the
 * PDF stage's calls give the same keys, only found instead of computed. A part with a chart is not keyed (its key
 * holds the chart's SVG, not drawn yet); its other items' JSON is. Calling it twice, or not at all, changes nothing.
 */
import type { Page } from '../model/types.ts';
import { createItemJson } from './itemJson.ts';
import { createPartKeys } from './partKeys.ts';
import type { PageStreamCache } from './pageStreams.ts';
import { pageParts } from './structure.ts';

/** What the PDF stage's part keys are made with (its `PageStreamCache`'s memos). */
export type PrefetchMemos = Pick<PageStreamCache, 'itemJson' | 'partKeys' | 'trustedParts'>;

/** Fills `memos` with the JSON of every item and the key of every part without a chart of `pages`. */
export function prefetchPartKeys(pages: readonly Page[], memos: PrefetchMemos): void {
  const itemJson = createItemJson(memos.itemJson);
  const partKey = createPartKeys({ memo: memos.partKeys, trusted: memos.trustedParts, itemJson, chartSvg: () => undefined });
  for (const page of pages) {
    for (const [from, to] of pageParts(page)) {
      const items = page.items.slice(from, to);
      if (items.some((it) => it.kind === 'chart')) {
        for (const it of items) if (it.kind !== 'chart') itemJson(it);
      } else partKey(items, { page, from, to });
    }
  }
}
