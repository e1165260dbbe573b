import { describe, expect, it } from 'vitest';
import { fitGuides } from '../../src/charts/fitGuides.ts';
import { utcTime } from '../../src/charts/utcTime.ts';
import { loadTestTheme, testFonts } from './helpers.ts';

const theme = loadTestTheme().chart;
const width = (s: string) => testFonts().measure(s, theme.fontKeys.normal, theme.fontSize);
const x = { field: 'k', type: 'ordinal' };

describe('fitGuides', () => {
  it('keeps discrete x labels horizontal when each fits its band', () => {
    const rows = ['2018', '2019', '2020'].map((k) => ({ k }));
    expect(fitGuides({ x }, rows, 232, width).x).toEqual({ ...x, axis: { labelAngle: 0 } });
  });

  it('leaves vega-lite\'s rotation when a label is wider than its band, and an author\'s angle alone', () => {
    const rows = ['Naturalisatieverzoeken', 'Asiel', 'Gezin', 'Studie'].map((k) => ({ k }));
    expect(fitGuides({ x }, rows, 232, width).x).toEqual(x);
    const set = { ...x, axis: { labelAngle: -45 } };
    expect(fitGuides({ x: set }, [{ k: '1' }], 232, width).x).toEqual(set);
  });

  it('wraps a legend into the columns that fit the width', () => {
    const color = { field: 'k', type: 'nominal' };
    const rows = ['E-mail', 'Loket', 'Naturalisatieverzoeken', 'Telefoon'].map((k) => ({ k }));
    // Widest label ≈ 77pt + 22pt symbol and padding → 2 columns in 232pt, 4 in 485pt (no change needed).
    expect(fitGuides({ color }, rows, 232, width).color).toEqual({ ...color, legend: { columns: 2 } });
    expect(fitGuides({ color }, rows, 485, width).color).toEqual(color);
  });
});

describe('utcTime', () => {
  it('makes temporal scales and time units UTC, keeping explicit choices', () => {
    const spec = {
      data: { name: 'd' },
      transform: [{ timeUnit: 'yearmonth', field: 'd', as: 'm' }],
      encoding: { x: { field: 'd', type: 'temporal' }, y: { field: 'd', type: 'temporal', timeUnit: 'utcyear', scale: { type: 'time' } } },
    };
    expect(utcTime(spec)).toEqual({
      data: { name: 'd' },
      transform: [{ timeUnit: 'utcyearmonth', field: 'd', as: 'm' }],
      encoding: { x: { field: 'd', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'd', type: 'temporal', timeUnit: 'utcyear', scale: { type: 'time' } } },
    });
  });
});
