import { describe, expect, it } from 'vitest';
import { altText } from '../../src/charts/altText.ts';
import { chart } from './helpers.ts';
import { nl } from '../../src/locale/nl.ts';

const NL = { language: 'nl-NL', words: nl.words };

describe('altText', () => {
  it('describes a bar chart from its data in Dutch notation', () => {
    const c = chart('s', { title: 'Aanvragen studie per jaar', mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'aanvragen', type: 'quantitative' } } }, [
      { jaar: 2019, aanvragen: 20430 },
      { jaar: 2020, aanvragen: 12310 },
    ]);
    expect(altText(c, NL)).toBe('Staafdiagram: aanvragen studie per jaar. 2019: 20.430, 2020: 12.310.');
  });

  it('builds the subject from the axis titles when there is no title', () => {
    const c = chart('s', { mark: 'line', encoding: { x: { field: 'jaar', type: 'ordinal', title: 'Jaar' }, y: { field: 'p', type: 'quantitative', title: 'Inwilligingspercentage' } } }, [
      { jaar: '2019', p: 0.455 },
    ]);
    expect(altText(c, NL)).toBe('Lijndiagram: inwilligingspercentage per jaar. 2019: 0,46.');
  });

  it('names each series of a grouped chart and keeps the value order of the data', () => {
    const c = chart('k', { mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'aantal', type: 'quantitative' }, color: { field: 'soort', type: 'nominal' } } }, [
      { soort: 'Aanvragen', jaar: '2020', aantal: 9800 },
      { soort: 'Beslissingen', jaar: '2020', aantal: 10950 },
    ]);
    expect(altText(c, NL)).toBe('Gestapeld staafdiagram: aantal per jaar. Aanvragen, 2020: 9.800; Beslissingen, 2020: 10.950.');
  });

  it('recognises a donut and uses the slice labels as keys', () => {
    const c = chart('r', { mark: { type: 'arc', innerRadius: 30 }, encoding: { theta: { field: 'n', type: 'quantitative' }, color: { field: 'kanaal', type: 'nominal' } } }, [
      { kanaal: 'Telefoon', n: 1093000 },
      { kanaal: 'Loket', n: 402500 },
    ]);
    expect(altText(c, NL)).toBe('Ringdiagram: n per kanaal. Telefoon: 1.093.000, Loket: 402.500.');
  });

  it('reads the first layer of a layered chart and caps long lists', () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ dag: `d${i}`, n: i }));
    const c = chart('l', { layer: [{ mark: 'bar', encoding: { x: { field: 'dag', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } } }, { mark: 'rule' }] }, rows);
    expect(altText(c, NL)).toMatch(/^Staafdiagram: n per dag\. d0: 0, d1: 1, .* d39: 39 en 5 waarden meer\.$/);
  });

  it('writes dates the Dutch way', () => {
    const c = chart('t', { mark: 'line', encoding: { x: { field: 'd', type: 'temporal', title: 'Datum' }, y: { field: 'n', type: 'quantitative', title: 'Aanvragen' } } }, [
      { d: '2020-03-01', n: 1500.5 },
    ]);
    expect(altText(c, NL)).toBe('Lijndiagram: aanvragen per datum. 1 maart 2020: 1.500,5.');
  });

  it('takes the shared encoding and axis titles of a layered spec', () => {
    const c = chart('l', {
      encoding: { x: { field: 'jaar', type: 'ordinal', axis: { title: 'Jaar' } }, y: { field: 'n', type: 'quantitative', axis: { title: 'Aanvragen voor studie' } } },
      layer: [{ mark: { type: 'bar' } }, { mark: { type: 'text' } }],
    }, [{ jaar: '2019', n: 20430 }, { jaar: '2020', n: 12310 }]);
    expect(altText(c, NL)).toBe('Staafdiagram: aanvragen voor studie per jaar. 2019: 20.430, 2020: 12.310.');
  });

  it('keeps the author\'s text alternative', () => {
    const c = chart('a', { mark: 'bar' }, [], { alt: 'Eigen beschrijving.' });
    expect(altText(c, NL)).toBe('Eigen beschrijving.');
  });

  it('describes a map by the values joined onto it, under each row\'s name rather than its country code', () => {
    const c = chart('m', {
      data: { name: 'geo:countries-50m', format: { type: 'topojson', feature: 'countries' } },
      transform: [{ lookup: 'id', from: { data: { name: 'landen' }, key: 'land', fields: ['naam', 'aantal'] } }],
      mark: 'geoshape',
      encoding: { color: { field: 'aantal', type: 'quantitative', title: 'Aanvragen' } },
    }, { landen: [{ land: '826', naam: 'Verenigd Koninkrijk', aantal: 43000 }, { land: '276', naam: 'Duitsland', aantal: 8100 }] });
    expect(altText(c, NL)).toBe('Kaart: aanvragen per land. Verenigd Koninkrijk: 43.000, Duitsland: 8.100.');
  });
});
