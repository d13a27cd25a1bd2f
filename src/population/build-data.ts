/**
 * Builds seeds/demography/china-wpp.json from the UN World Population
 * Prospects files for China (tab-separated, as cut from the WPP R data
 * packages). Run once when the source files change:
 *
 *   npx tsx src/population/build-data.ts <folder with the wpp*.tsv files>
 *
 * Values are copied unchanged; only the years a projection to 2060 needs are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx src/population/build-data.ts <folder of wpp*.tsv>');
const LAST_YEAR = 2061;

function table(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(dir!, file), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return { header: lines[0]!, rows: lines.slice(1) };
}

/** Rows keyed by the label column (age), columns by the header names wanted. */
function byAge(file: string, columns: (h: string) => boolean): Record<string, number[]> & { columns: string[] } {
  const { header, rows } = table(file);
  const keep = header.map((h, i) => [h, i] as const).filter(([h]) => columns(h));
  const out = { columns: keep.map(([h]) => h) } as Record<string, number[]> & { columns: string[] };
  for (const r of rows) out[r[2]!] = keep.map(([, i]) => Number(r[i]));
  return out;
}

function yearly(file: string, from: number): Record<string, number> {
  const { header, rows } = table(file);
  const out: Record<string, number> = {};
  header.forEach((h, i) => {
    const y = Number(h);
    if (Number.isInteger(y) && y >= from && y <= LAST_YEAR) out[h] = Number(rows[0]![i]);
  });
  return out;
}

const AGE_GROUPS = table('wpp2019-popM.tsv').rows.map((r) => r[2]!);
const pop2020 = (file: string) => {
  const { header, rows } = table(file);
  const i = header.indexOf('2020');
  return rows.map((r) => Number(r[i]));
};
const periodWanted = (h: string) => /^[0-9]{4}-[0-9]{4}$/.test(h) && Number(h.slice(0, 4)) >= 2015 && Number(h.slice(0, 4)) <= 2060;
const mx = (file: string) => {
  const t = byAge(file, periodWanted);
  const { columns, ...ages } = t;
  return { periods: columns, ages: Object.keys(ages), rates: Object.values(ages) };
};
const asfr = byAge('wpp2024-percentASFR5.tsv', (h) => Number(h) >= 2015 && Number(h) <= LAST_YEAR);
const { columns: asfrYears, ...asfrGroups } = asfr;

const data = {
  source: 'United Nations, Department of Economic and Social Affairs, Population Division. World Population Prospects 2019 / 2024.',
  license: 'Creative Commons Attribution 3.0 IGO',
  country: 'China (156)',
  population2020: {
    note: 'WPP 2019, medium projection for 1 July 2020, thousands, by 5-year age group',
    ageGroups: AGE_GROUPS,
    male: pop2020('wpp2019-popM.tsv'),
    female: pop2020('wpp2019-popF.tsv'),
  },
  mortality: { note: 'WPP 2024 central death rates m(x), abridged ages, 5-year periods (medium variant after 2020-2025)', male: mx('wpp2024-mxM5.tsv'), female: mx('wpp2024-mxF5.tsv') },
  tfr: { note: 'WPP 2024 total fertility rate, children per woman (estimates to 2023, medium after)', ...yearly('wpp2024-tfr.tsv', 2015), ...yearly('wpp2024-tfrprojMed.tsv', 2024) },
  asfrPercent: { note: 'WPP 2024 share of the TFR by mother\'s 5-year age group, percent', years: asfrYears, groups: Object.keys(asfrGroups), values: Object.values(asfrGroups) },
  sexRatioAtBirth: { note: 'WPP 2024 males per female at birth', ...yearly('wpp2024-sexRatio.tsv', 2015) },
  benchmark: { note: 'WPP 2024 medium: total population on 1 July 2024, thousands', year: 2024, total: yearly('wpp2024-popprojMed.tsv', 2024)['2024'] },
  netMigration: { note: 'WPP 2024 net international migration, medium, thousands a year', ...yearly('wpp2024-migrationprojMed.tsv', 2024) },
};
writeFileSync('seeds/demography/china-wpp.json', JSON.stringify(data) + '\n');
console.log('wrote seeds/demography/china-wpp.json');
