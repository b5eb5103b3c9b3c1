// The demo city's districts side by side (GET /api/v1/districts/figures): the seed district
// states its report's figures with its peers beside it, a city user sees every district of the
// city and their sums, a district user only their own, and the table downloads as an audited
// XLSX.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, addUser, Client, kechuang, newDatabase, startServer } from './harness.mjs';

const SEED = '330205';
let server;
const users = {};

async function signedIn(name, role, region) {
  const args = ['user', 'add', '--db', db, '--name', name, '--role', role, '--no-password-change'];
  if (region) args.push('--region', region);
  const r = kechuang(args, ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
  const client = new Client(server.url);
  assert.equal((await client.login(name, ADMIN_PASSWORD)).status, 200);
  return client;
}

let db;
before(async () => {
  db = newDatabase();
  const demo = kechuang(['demo', '--db', db]);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /with 5 peer districts \(330203 330204 330206 330211 330212\)/);
  addUser(db, 'admin', 'admin', ADMIN_PASSWORD);
  server = await startServer(db);
  users.admin = new Client(server.url);
  assert.equal((await users.admin.login('admin', ADMIN_PASSWORD)).status, 200);
  users.seed = await signedIn('staff-jiangbei', 'staff', SEED);
  users.beilun = await signedIn('viewer-beilun', 'viewer', '330206');
  users.city = await signedIn('leader-ningbo', 'viewer', '330200');
});
after(async () => { await server?.stop(); });

const figures = (r) => Object.fromEntries(r.json.districts.map((d) => [d.region_code, d.values]));
// A decimal text (万元 with 4 decimals) as an exact integer of its smallest unit.
const units = (v) => (typeof v === 'number' ? BigInt(v) : BigInt(v.replace('.', '')));

test("the seed district states its report's figures beside its peers", async () => {
  const r = await users.city.get('/api/v1/districts/figures?year=2013');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.districts.map((d) => d.region_code), ['330203', '330204', SEED, '330206', '330211', '330212']);
  const seed = figures(r)[SEED];
  assert.equal(seed.rd_expenditure_enterprise, '91800.0000', 'R&D over 9 亿元');
  assert.equal(seed.rd_gdp_enterprise, '2.70');
  assert.equal(seed.patent_applications, 1260);
  assert.equal(seed.patent_grants, 720);
  assert.equal(seed.rd_centres_municipal_plus, 72);
  assert.equal(seed.tech_contract_turnover_outflow, '1317.7000');
  assert.equal(seed.talents_introduced, 11);
  assert.equal(r.json.districts.find((d) => d.region_code === SEED).region_name, '江北区（演示）');
  // The peers have records of their own and differ from the seed and from each other.
  const all = figures(r);
  for (const code of ['330203', '330204', '330206', '330211', '330212']) {
    assert.ok(all[code].enterprises >= 200 && all[code].enterprises <= 1500, `${code}: ${all[code].enterprises}`);
    assert.ok(all[code].patent_applications > 0 && all[code].hte_count > 0, code);
  }
  assert.notEqual(all['330206'].rd_gdp_enterprise, all['330203'].rd_gdp_enterprise);
  // Labels and units come with the figures, in both languages.
  const rd = r.json.figures.find((f) => f.code === 'rd_expenditure_enterprise');
  assert.deepEqual(rd.unit, { zh: '万元', en: '10k yuan' });
  assert.equal(r.json.figures.length, Object.keys(seed).length);
});

test("a city's total of every additive figure is the sum over its districts, a ratio is recomputed", async () => {
  const r = await users.city.get('/api/v1/districts/figures?year=2013');
  assert.equal(r.json.total.region_code, '330200');
  for (const f of r.json.figures.filter((x) => x.additive)) {
    const sum = r.json.districts.reduce((acc, d) => acc + units(d.values[f.code]), 0n);
    assert.equal(units(r.json.total.values[f.code]), sum, f.code);
  }
  const rd = units(r.json.total.values.rd_expenditure_enterprise), gdp = units(r.json.total.values.gdp);
  const percent = Number((rd * 1000000n) / gdp) / 10000;
  assert.ok(Math.abs(Number(r.json.total.values.rd_gdp_enterprise) - percent) < 0.006, `${r.json.total.values.rd_gdp_enterprise} vs ${percent}`);
});

test('a district user sees only their district, and the same figures as the city sees for it', async () => {
  const city = figures(await users.city.get('/api/v1/districts/figures?year=2013'));
  const own = await users.seed.get('/api/v1/districts/figures?year=2013');
  assert.equal(own.status, 200);
  assert.deepEqual(own.json.districts.map((d) => d.region_code), [SEED]);
  assert.equal(own.json.total, null, 'one district has no total');
  assert.deepEqual(own.json.districts[0].values, city[SEED]);
  const beilun = await users.beilun.get('/api/v1/districts/figures?year=2013');
  assert.deepEqual(beilun.json.districts.map((d) => d.region_code), ['330206']);
  assert.deepEqual(beilun.json.districts[0].values, city['330206']);
  // A city user narrowed to one district sees that one; outside the city is refused.
  const narrowed = await users.city.get('/api/v1/districts/figures?year=2013', { headers: { 'X-Kechuang-Region': '330206' } });
  assert.deepEqual(narrowed.json.districts.map((d) => d.region_code), ['330206']);
  assert.equal((await users.seed.get('/api/v1/districts/figures?year=2013', { headers: { 'X-Kechuang-Region': '330206' } })).status, 403);
  // The whole installation: the city's districts and the province's peers with statistics only.
  const everything = await users.admin.get('/api/v1/districts/figures?year=2013');
  assert.ok(everything.json.districts.some((d) => d.region_code === '330108'), 'statistics-only peers are listed');
  assert.equal(everything.json.total.region_code, null);
});

test('a year that is not one is a field error; the table downloads as an audited workbook', async () => {
  const bad = await users.city.get('/api/v1/districts/figures?year=abc');
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, 'year');
  assert.deepEqual([bad.json.errors[0].code, bad.json.errors[0].params], ['field.year_range', { min: 1949, max: 2100 }]);
  const xlsx = await users.city.get('/api/v1/districts/figures?year=2013&format=xlsx&lang=en', { raw: true });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.match(xlsx.headers.get('content-disposition'), /districts-2013\.xlsx/);
  const audit = await users.admin.get('/api/v1/audit?page_size=50');
  assert.ok(audit.json.items.some((e) => e.action === 'district_figures.export'),
    'the download is in the audit log');
});
