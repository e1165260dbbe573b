/** Features fontkit applies to Latin text anyway (passing them only costs time). */
const DEFAULTS = new Set(['kern', 'liga']);
/** Figure-style features: they substitute digits only (checked on every face in fonts/). */
const FIGURE_FEATURES = new Set(['pnum', 'tnum', 'lnum', 'onum']);
const DIGIT = /\p{Nd}/u;

/**
 * The OpenType features that change how `text` shapes, or undefined for fontkit's defaults. fontkit rebuilds
 * its plan for every call that names features (2.4× slower) and pdfkit only caches word shapes without them,
 * so measuring and drawing both pass features only when they matter: figure features on text with digits.
 */
export function effectiveFeatures(text: string, features: readonly string[] | undefined): string[] | undefined {
  if (!features) return undefined;
  const hasDigits = DIGIT.test(text);
  const extra = features.filter((f) => !DEFAULTS.has(f) && (hasDigits || !FIGURE_FEATURES.has(f)));
  return extra.length ? [...features] : undefined;
}
