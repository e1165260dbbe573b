/**
 * svg-to-pdfkit 0.1.8's StringParser, which reads attribute values (path data, lengths, number lists, transforms)
 * from a position. Its number and separator patterns are read here character by character, with the same results
 * as its regexes (test/pdf/svgScan.test.ts runs them from svg-to-pdfkit's source as the oracle): a QR code's path
 * data is thousands of numbers, read by code a build runs once (cold), where a sticky regex and a substring per
 * token cost more than the loop.
 */

/** svg-to-pdfkit's StringParser over a value: sticky matches from a position. */
export class Scan {
  i = 0;
  constructor(readonly s: string) {}
  match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }
  /**
   * svg-to-pdfkit's matchNumber, /[-+]?(?:[0-9]+[.][0-9]+|[0-9]+[.]|[.][0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?/: the
   * alternatives in the regex's order (digits.digits, digits., .digits, digits), then an exponent only with digits.
   */
  number(): string | undefined {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    const digits = i;
    while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
    if (c === 46) {
      const fraction = i + 1;
      let k = fraction;
      let f = s.charCodeAt(k);
      while (f >= 48 && f <= 57) f = s.charCodeAt(++k);
      if (k > fraction) i = k; // digits.digits or .digits
      else if (i > digits) i = fraction; // digits.
      else return undefined;
    } else if (i === digits) return undefined;
    c = s.charCodeAt(i);
    if (c === 101 || c === 69) {
      let k = i + 1;
      let e = s.charCodeAt(k);
      if (e === 43 || e === 45) e = s.charCodeAt(++k);
      const exponent = k;
      while (e >= 48 && e <= 57) e = s.charCodeAt(++k);
      if (k > exponent) i = k;
    }
    const n = s.slice(this.i, i);
    this.i = i;
    return n;
  }
  /** svg-to-pdfkit's matchSeparator, /(?:\s*,\s*|\s*|)/: white space, then a comma and the white space after it. */
  separator(): void {
    const s = this.s;
    let i = this.i;
    while (isWhite(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 44) {
      i++;
      while (isWhite(s.charCodeAt(i))) i++;
    }
    this.i = i;
  }
  get rest(): boolean {
    return this.i < this.s.length;
  }
}
/** A code unit \s matches (ECMAScript WhiteSpace and LineTerminator); false for NaN, past the end. */
export function isWhite(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
