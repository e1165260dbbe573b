import type { BoundChartSpec, DataRow } from '../../src/bind/types.ts';
import { chart } from './helpers.ts';

/** Small datasets shaped like the IND annual report's figures. */
const years: DataRow[] = [
  { jaar: '2016', aanvragen: 18250 },
  { jaar: '2017', aanvragen: 19870 },
  { jaar: '2018', aanvragen: 21040 },
  { jaar: '2019', aanvragen: 20430 },
  { jaar: '2020', aanvragen: 12310 },
];
const kinds: DataRow[] = [
  { soort: 'Aanvragen', jaar: '2018', aantal: 11200 },
  { soort: 'Aanvragen', jaar: '2019', aantal: 12900 },
  { soort: 'Aanvragen', jaar: '2020', aantal: 9800 },
  { soort: 'Beslissingen', jaar: '2018', aantal: 10400 },
  { soort: 'Beslissingen', jaar: '2019', aantal: 12100 },
  { soort: 'Beslissingen', jaar: '2020', aantal: 10950 },
];
const channels: DataRow[] = [
  { kanaal: 'Telefoon', aantal: 1_093_000 },
  { kanaal: 'Loket', aantal: 402_500 },
  { kanaal: 'E-mail', aantal: 198_300 },
  { kanaal: 'Naturalisatieverzoeken', aantal: 61_400 },
];
const daily: DataRow[] = ['2020-03-01', '2020-04-01', '2020-05-01', '2020-06-01', '2020-07-01', '2020-08-01'].flatMap((d, i) => [
  { datum: d, soort: 'Asiel', aantal: 900 + 137 * i },
  { datum: d, soort: 'Nareis', aantal: 300 + 51 * ((i * 7) % 5) },
]);
const longLabels: DataRow[] = [
  { stroom: 'Verblijf bij partner of familielid in Nederland', aantal: 32_730 },
  { stroom: 'Arbeid als kennismigrant of zelfstandige', aantal: 13_710 },
  { stroom: 'Studie aan een hogeschool of universiteit', aantal: 12_310 },
];
const manyCountries: DataRow[] = ['Syrië', 'Eritrea', 'Turkije', 'Afghanistan', 'Irak', 'Iran', 'Jemen', 'Somalië', 'Algerije', 'Marokko', 'Nigeria', 'Georgië'].map(
  (land, i) => ({ land, aantal: 4000 - 290 * i }),
);
const countries: DataRow[] = [
  { land: '826', naam: 'Verenigd Koninkrijk', aantal: 43_000 },
  { land: '616', naam: 'Polen', aantal: 12_500 },
  { land: '276', naam: 'Duitsland', aantal: 8100 },
  { land: '250', naam: 'Frankrijk', aantal: 6400 },
  { land: '056', naam: 'België', aantal: 5200 },
];
const scatter: DataRow[] = Array.from({ length: 24 }, (_, i) => ({
  doorlooptijd: 20 + ((i * 37) % 90),
  aanvragen: 150 + ((i * 53) % 400),
  team: i % 2 ? 'Noord' : 'Zuid',
}));
const heat: DataRow[] = ['Q1', 'Q2', 'Q3', 'Q4'].flatMap((q, i) =>
  ['Asiel', 'Gezin', 'Studie', 'Arbeid'].map((s, j) => ({ kwartaal: q, stroom: s, aantal: 500 + ((i * 311 + j * 173) % 2400) })),
);

const xy = (x: string, xt: string, y: string, yt: string) => ({
  x: { field: x, type: 'ordinal', title: xt },
  y: { field: y, type: 'quantitative', title: yt },
});

/** At least 15 chart kinds through the same pipeline and theme; each entry's `expect` is text that must be on its page. */
export const GALLERY: readonly { chart: BoundChartSpec; expect: readonly string[] }[] = [
  { chart: chart('staaf', { mark: 'bar', encoding: xy('jaar', 'Jaar', 'aanvragen', 'Aanvragen') }, years), expect: ['20.000', '2019', 'Aanvragen'] },
  {
    chart: chart('liggend', { mark: 'bar', encoding: { y: { field: 'kanaal', type: 'nominal', sort: '-x', title: null }, x: { field: 'aantal', type: 'quantitative', title: 'Klantcontacten' } } }, channels),
    expect: ['Naturalisatieverzoeken', '800.000'],
  },
  {
    chart: chart('gegroepeerd', { mark: 'bar', encoding: { ...xy('jaar', 'Jaar', 'aantal', 'Aantal'), xOffset: { field: 'soort' }, color: { field: 'soort', type: 'nominal', title: null } } }, kinds),
    expect: ['Beslissingen', '10.000'],
  },
  { chart: chart('gestapeld', { mark: 'bar', encoding: { ...xy('jaar', 'Jaar', 'aantal', 'Aantal'), color: { field: 'soort', type: 'nominal' } } }, kinds), expect: ['20.000', 'Aanvragen'] },
  {
    chart: chart('genormaliseerd', { mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'aantal', type: 'quantitative', stack: 'normalize', title: 'Aandeel' }, color: { field: 'soort', type: 'nominal' } } }, kinds),
    expect: ['50%', 'Aandeel'],
  },
  {
    chart: chart('lijn', { mark: { type: 'line', point: true }, encoding: { x: { field: 'datum', type: 'temporal', title: null }, y: { field: 'aantal', type: 'quantitative' }, color: { field: 'soort', type: 'nominal' } } }, daily),
    expect: ['1 maart', '1 mei', 'Nareis'],
  },
  { chart: chart('vlak', { mark: 'area', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'aanvragen', type: 'quantitative' } } }, years), expect: ['2016', '20.000'] },
  {
    chart: chart('gestapeld-vlak', { mark: 'area', encoding: { x: { field: 'datum', type: 'temporal', timeUnit: 'yearmonth', title: 'Maand' }, y: { field: 'aantal', type: 'quantitative', stack: true }, color: { field: 'soort', type: 'nominal' } } }, daily),
    expect: ['Maand', 'Asiel'],
  },
  { chart: chart('taart', { mark: 'arc', encoding: { theta: { field: 'aantal', type: 'quantitative' }, color: { field: 'kanaal', type: 'nominal' } } }, channels), expect: ['Telefoon', 'Loket'] },
  {
    chart: chart('ring', { mark: { type: 'arc', innerRadius: 40 }, encoding: { theta: { field: 'aantal', type: 'quantitative' }, color: { field: 'kanaal', type: 'nominal' } } }, channels),
    expect: ['E-mail'],
  },
  {
    chart: chart('spreiding', { mark: 'point', encoding: { x: { field: 'doorlooptijd', type: 'quantitative', title: 'Doorlooptijd (dagen)' }, y: { field: 'aanvragen', type: 'quantitative' }, color: { field: 'team', type: 'nominal' } } }, scatter),
    expect: ['Doorlooptijd (dagen)', 'Noord'],
  },
  {
    chart: chart('warmtekaart', { mark: 'rect', encoding: { x: { field: 'kwartaal', type: 'ordinal' }, y: { field: 'stroom', type: 'nominal' }, color: { field: 'aantal', type: 'quantitative' } } }, heat),
    expect: ['Q3', 'Studie'],
  },
  {
    chart: chart('gelaagd', {
      data: { name: 'd' },
      layer: [
        { mark: 'bar', encoding: xy('jaar', 'Jaar', 'aanvragen', 'Aanvragen') },
        { mark: { type: 'rule', color: '#e17000' }, encoding: { y: { aggregate: 'mean', field: 'aanvragen', type: 'quantitative' } } },
        { mark: { type: 'text', dy: -4 }, encoding: { ...xy('jaar', 'Jaar', 'aanvragen', 'Aanvragen'), text: { field: 'aanvragen', type: 'quantitative' } } },
      ],
    }, years),
    expect: ['20.430', '12.310'],
  },
  {
    chart: chart('facet', { data: { name: 'd' }, facet: { field: 'soort', type: 'nominal' }, columns: 2, spec: { width: 90, height: 70, mark: 'bar', encoding: xy('jaar', 'Jaar', 'aantal', 'Aantal') } }, kinds),
    expect: ['Beslissingen', 'Aanvragen', '2019'],
  },
  {
    chart: chart('naast-elkaar', {
      data: { name: 'd' },
      hconcat: [
        { width: 90, height: 80, mark: 'bar', encoding: xy('jaar', 'Jaar', 'aanvragen', 'Aanvragen') },
        { width: 90, height: 80, mark: 'line', encoding: xy('jaar', 'Jaar', 'aanvragen', 'Aanvragen') },
      ],
    }, years),
    expect: ['2018', '20.000'],
  },
  {
    // A map: outlines from world-atlas (geo:countries-50m), figures joined on the ISO 3166 numeric id.
    chart: chart('kaart', {
      projection: { type: 'mercator', center: [9, 52.5], scale: 620 },
      layer: [
        { data: { name: 'geo:countries-50m', format: { type: 'topojson', feature: 'countries' } }, mark: { type: 'geoshape', fill: '#eeeeee', stroke: '#ffffff', strokeWidth: 0.5 } },
        {
          data: { name: 'geo:countries-50m', format: { type: 'topojson', feature: 'countries' } },
          transform: [{ lookup: 'id', from: { data: { name: 'landen' }, key: 'land', fields: ['naam', 'aantal'] } }, { filter: 'isValid(datum.aantal)' }],
          mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
          encoding: { color: { field: 'aantal', type: 'quantitative', title: 'Aanvragen' } },
        },
      ],
    }, { landen: countries }),
    expect: ['Aanvragen', '40.000'],
  },
  {
    chart: chart('boxplot', { mark: 'boxplot', encoding: { x: { field: 'team', type: 'nominal' }, y: { field: 'doorlooptijd', type: 'quantitative', title: 'Doorlooptijd' } } }, scatter),
    expect: ['Zuid', 'Doorlooptijd'],
  },
  // Issue 11: donuts with side legends, long legend labels and many categories keep every mark and label inside.
  {
    chart: chart('ring-legenda-rechts', { mark: { type: 'arc', innerRadius: 40 }, encoding: { theta: { field: 'aantal', type: 'quantitative' }, color: { field: 'kanaal', type: 'nominal', legend: { orient: 'right' } } } }, channels),
    expect: ['Telefoon', 'Naturalisatieverzoeken'],
  },
  {
    chart: chart('lange-legenda', { mark: 'bar', encoding: { x: { field: 'stroom', type: 'nominal', axis: null }, y: { field: 'aantal', type: 'quantitative' }, color: { field: 'stroom', type: 'nominal', legend: { title: null } } } }, longLabels),
    expect: ['Verblijf bij partner of familielid in Nederland', 'Arbeid als kennismigrant of zelfstandige', 'Studie aan een hogeschool of universiteit'],
  },
  {
    chart: chart('veel-categorieen', { mark: 'bar', encoding: { x: { field: 'land', type: 'nominal', sort: '-y', title: null }, y: { field: 'aantal', type: 'quantitative' }, color: { field: 'land', type: 'nominal', legend: null } } }, manyCountries),
    expect: ['Syrië', 'Eritrea'],
  },
];
