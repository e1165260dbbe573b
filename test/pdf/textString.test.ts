/**
 * PDF text strings for ActualText (pdf/glyphRuns.ts textString), against hand-written values from ISO 32000-1:
 * 7.3.4.2 (literal strings: ( ) and \ escaped, other bytes by octal escape), D.2 (PDFDocEncoding codes), 7.9.2.2
 * (UTF-16BE with its byte-order mark where PDFDocEncoding has no code).
 */
import { describe, expect, test } from 'vitest';
import { textString } from '../../src/pdf/glyphRuns.ts';

describe('textString', () => {
  test('printable ASCII is the literal itself; ( ) and \\ are escaped', () => {
    expect(textString('')).toBe('()');
    expect(textString('Het jaar 2020 ')).toBe('(Het jaar 2020 )');
    expect(textString("~!@#$%^&*_+-=[]{}|;':\",./<>?` ")).toBe("(~!@#$%^&*_+-=[]{}|;':\",./<>?` )");
    expect(textString('a(b)c\\')).toBe('(a\\(b\\)c\\\\)');
  });

  test('Latin-1 and PDFDocEncoding characters by octal code; anything else makes the whole string UTF-16BE hex', () => {
    expect(textString('één ')).toBe('(\\351\\351n )');
    expect(textString('\u201cx\u201d \u2014 \u20ac')).toBe('(\\215x\\216 \\204 \\240)');
    expect(textString('ko\u00ad')).toBe('<FEFF006B006F00AD>');
    expect(textString('a\tb')).toBe('<FEFF006100090062>');
    expect(textString('\u0142')).toBe('<FEFF0142>');
  });
});
