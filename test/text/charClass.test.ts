/**
 * The code-unit class table against Unicode's properties as the regex engine knows them, for every UTF-16 code
 * unit (lone surrogates included), asked in an order that fills the table out of sequence.
 */
import { expect, test } from 'vitest';
import { isAlnum, isLetter, isMark, isSpace } from '../../src/text/charClass.ts';

test('isLetter, isAlnum, isMark and isSpace give the Unicode property of every code unit', () => {
  const wrong: string[] = [];
  for (let k = 0; k < 0x10000; k++) {
    const u = (k * 40503) & 0xffff; // every code unit once, not in order
    const ch = String.fromCharCode(u);
    if (isLetter(u) !== (/\p{L}/u.test(ch) || /\p{M}/u.test(ch))) wrong.push(`letter ${u.toString(16)}`);
    if (isAlnum(u) !== (/\p{L}/u.test(ch) || /\p{N}/u.test(ch))) wrong.push(`alnum ${u.toString(16)}`);
    if (isMark(u) !== /\p{M}/u.test(ch)) wrong.push(`mark ${u.toString(16)}`);
    if (isSpace(u) !== /\s/u.test(ch)) wrong.push(`space ${u.toString(16)}`);
  }
  expect(wrong).toEqual([]);
});

test('hand-picked units: Dutch letters, digits, a combining diaeresis, dashes, a lone surrogate', () => {
  const cls = (c: string) => [isLetter(c.charCodeAt(0)), isAlnum(c.charCodeAt(0)), isMark(c.charCodeAt(0))];
  expect(cls('ĳ')).toEqual([true, true, false]);
  expect(cls('é')).toEqual([true, true, false]);
  expect(cls('7')).toEqual([false, true, false]);
  expect(cls('\u0308')).toEqual([true, false, true]);
  expect(cls('–')).toEqual([false, false, false]);
  expect(cls('’')).toEqual([false, false, false]);
  expect(cls('\ud83d')).toEqual([false, false, false]);
  for (const c of [' ', '\u00a0', '\u202f', '\t', '\u2009']) expect(isSpace(c.charCodeAt(0)), JSON.stringify(c)).toBe(true);
  for (const c of ['a', '\u00ad', '\u200b', '-']) expect(isSpace(c.charCodeAt(0)), JSON.stringify(c)).toBe(false);
});
