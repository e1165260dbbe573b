/** PDF transformation matrices [a b c d e f] for the tests' readers of what a page draws. */

/** A PDF matrix [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

/** a × b in PDF's row-vector convention (apply a, then b). */
export const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

/** The point (x, y) transformed by m. */
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
