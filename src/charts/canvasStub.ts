/**
 * Stands in for vega-canvas in dist/vega.cjs: charts are rendered headless to SVG and measured with the
 * report's fonts, so vega never needs a canvas. (vega-canvas's top-level await of the optional `canvas`
 * package cannot be bundled as CommonJS, and an installed `canvas` must not change the output.)
 */
export const canvas = (): null => null;
export const image = (): null => null;
