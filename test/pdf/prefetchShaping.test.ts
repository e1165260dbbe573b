import { describe, expect, it } from 'vitest';
import { pdfkitPieces, prefetchShaping } from '../../src/pdf/prefetchShaping.ts';
import type { Page } from '../../src/model/types.ts';

const glyphs = (text: string, extra: object = {}) => ({
  kind: 'glyphs', x: 0, y: 0, text, font: 'body', sizePt: 9.4, color: '#000', wordSpacingPt: 0, ...extra,
});

describe('prefetchShaping', () => {
  it('cuts text where pdfkit does: after every space or tab, keeping them', () => {
    expect(pdfkitPieces('Het  IND\tbeslist')).toEqual(['Het ', ' ', 'IND\t', 'beslist']);
    expect(pdfkitPieces('woord ')).toEqual(['woord ']);
    expect(pdfkitPieces('')).toEqual([]);
  });

  it('asks per font and feature set for what pdfkit will lay out: pieces, whole texts with features, words when spaced', () => {
    const page = {
      widthPt: 595, heightPt: 842, items: [
        glyphs('Het aantal aanvragen'),
        glyphs('12.310 aanvragen', { features: ['tnum'] }),
        glyphs('ruim uitgevuld', { wordSpacingPt: 1.2 }),
        glyphs('Kop', { font: 'display' }),
      ],
    } as unknown as Page;
    const asked: [string, string[], string | undefined][] = [];
    prefetchShaping([page], (key, texts, features) => asked.push([key, [...texts], features?.join(',')]));
    expect(asked).toEqual([
      ['body', ['Het ', 'aantal ', 'aanvragen', 'ruim ', 'uitgevuld', 'ruim', ' '], undefined],
      ['body', ['12.310 aanvragen'], 'tnum'],
      ['display', ['Kop'], undefined],
    ]);
  });
});
