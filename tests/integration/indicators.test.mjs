// The indicator catalogue and its values on the demo city (spec indicators.md): the seed district's
// 2013 figures computed from its records through `kechuang indicators compute` and the API alike,
// a city as the sum of its districts, every additive value expanded to records whose shares sum to
// it, a ratio to its two parts, values that follow a change through the API, an import and a delete,
// scopes refused, and catalogue entries saved by administrators with their formulas checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, addUser, Client, kechuang, newDatabase, startServer } from './harness.mjs';

const SEED = '330205';
const PEERS = ['330203', '330204', '330206', '330211', '330212'];
let db;
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

before(async () => {
  db = newDatabase();
  const demo = kechuang(['demo', '--db', db]);
  assert.equal(demo.status, 0, demo.stderr);
  addUser(db, 'admin', 'admin', ADMIN_PASSWORD);
  server = await startServer(db);
  users.admin = new Client(server.url);
  assert.equal((await users.admin.login('admin', ADMIN_PASSWORD)).status, 200);
  users.seed = await signedIn('staff-seed', 'staff', SEED);
  users.peer = await signedIn('staff-peer', 'staff', '330206');
  users.city = await signedIn('leader-city', 'viewer', '330200');
  users.ent = await signedIn('ent-user', 'enterprise');
});
after(async () => { await server?.stop(); });

const byCode = (doc) => Object.fromEntries(doc.values.map((v) => [v.code, v.value]));
// Exact sums of numbers with at most 4 decimals, in 1/10,000.
const units = (x) => Math.round(x * 10000);

function compute(args) {
  const r = kechuang(['indicators', 'compute', '--db', db, ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("the seed district's 2013 indicators are its report's figures, from the CLI and the API alike", async () => {
  const cli = compute(['--year', '2013']);
  assert.equal(cli.region, SEED, 'the home district, set by the demo');
  const v = byCode(cli);
  assert.ok(v.rd_expenditure_enterprise > 90000, `R&D ${v.rd_expenditure_enterprise} over 9 亿元`);
  assert.ok(v.rd_gdp_enterprise >= 2.7 && v.rd_gdp_enterprise <= 2.75, `R&D share ${v.rd_gdp_enterprise}`);
  assert.equal(v.rd_centres_municipal_plus, 72);
  assert.equal(v.rd_centres_new_municipal, 15);
  assert.equal(v.rd_centres_district_plus, 115);
  assert.equal(Math.round(v.above_size_industrial_rd_share), 21);
  assert.equal(v.tech_contract_turnover_outflow, 1317.7);
  assert.equal(v.tech_contract_turnover_inflow, 18000);
  assert.equal(v.cooperation_projects, 35);
  assert.equal(v.cooperation_projects_international, 4);
  assert.equal(v.seed_fund_projects, 20);
  assert.equal(v.talents_introduced, 11);
  // Not yet kept: null, never 0.
  for (const code of ['plan_projects_applied', 'plan_projects_approved', 'fiscal_st_funds_municipal_plus']) assert.equal(v[code], null, code);
  const earlier = byCode(compute(['--year', '2011']));
  assert.ok(v.patent_applications >= 2 * earlier.patent_applications, 'patent applications doubled on 2011');
  assert.ok(v.patent_grants >= 2 * earlier.patent_grants, 'patent grants doubled on 2011');
  const drop = Math.round((v.rd_gdp_enterprise - earlier.rd_gdp_enterprise) * 10) / 10;
  assert.equal(drop, 0.3, 'the R&D share 0.3 points lower in 2011');

  const api = await users.seed.get('/api/v1/indicators/values?year=2013');
  assert.equal(api.status, 200, api.text);
  assert.deepEqual(byCode(api.json), v, 'the API states what the CLI states');
  const one = api.json.values.find((x) => x.code === 'tech_contract_turnover_outflow');
  assert.equal(one.unit, '万元');
  assert.ok(one.records > 0 && /^\d{4}-\d\d-\d\dT/.test(one.updated_at), JSON.stringify(one));
});

test('a city is the sum of its districts; its ratios are recomputed from the sums', async () => {
  const codes = 'rd_expenditure_enterprise,hte_count,patent_applications,tech_contract_turnover_inflow';
  const city = await users.city.get(`/api/v1/indicators/values?year=2013&codes=${codes}`);
  assert.equal(city.status, 200, city.text);
  assert.equal(city.json.region, '330200', "a city user's own region by default");
  const total = byCode(city.json);
  const sums = {};
  for (const d of [SEED, ...PEERS]) {
    const r = byCode(compute(['--year', '2013', '--region', d, '--codes', codes]));
    for (const [k, x] of Object.entries(r)) sums[k] = (sums[k] ?? 0) + units(x);
  }
  for (const [k, x] of Object.entries(total)) assert.equal(units(x), sums[k], k);
  const share = byCode(compute(['--year', '2013', '--region', '330200', '--codes', 'rd_gdp_enterprise']));
  assert.ok(share.rd_gdp_enterprise > 0 && share.rd_gdp_enterprise < 10);
});

test('a series states each year with its change and growth on the year before', async () => {
  const r = await users.seed.get('/api/v1/indicators/series?from=2009&to=2016&codes=patent_applications,rd_gdp_enterprise');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.region, SEED);
  const apps = r.json.series.find((x) => x.code === 'patent_applications');
  assert.deepEqual(apps.points.map((p) => p.year), [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016]);
  for (const p of apps.points.filter((x) => x.year <= 2014)) {
    assert.equal(p.value, byCode(compute(['--year', String(p.year), '--codes', 'patent_applications'])).patent_applications, `${p.year}`);
  }
  const [y12, y13] = [apps.points[3], apps.points[4]];
  assert.equal(y13.change, y13.value - y12.value);
  assert.equal(units(y13.growth), Math.round(units((y13.value - y12.value) / y12.value * 100)));
  assert.equal(apps.points[0].change, null, 'no year before the first');
  // 2015 and 2016 have nothing recorded: null, and no change from or to them.
  assert.deepEqual(apps.points.slice(6).map((p) => [p.value, p.change, p.growth]), [[null, null, null], [null, null, null]]);
  for (const bad of ['from=2014&to=2009', 'from=1900&to=2013', 'from=2000&to=2040']) {
    assert.equal((await users.seed.get(`/api/v1/indicators/series?${bad}`)).status, 422, bad);
  }
});

test('an additive value expands to records whose shares sum to it; a ratio to its numerator and denominator', async () => {
  for (const code of ['tech_contract_turnover_outflow', 'hte_count', 'rd_centres_municipal_plus']) {
    const r = await users.seed.get(`/api/v1/indicators/${code}/explain?year=2013`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.records.length > 0 && r.json.formula.length > 0, code);
    const sum = r.json.records.reduce((s, x) => s + units(x.contributes), 0);
    assert.equal(sum, units(r.json.value), `${code}: shares sum to the value`);
    for (const x of r.json.records) assert.equal(x.district, SEED, `${code}: record ${x.kind} ${x.id} of the seed district`);
  }
  const ratio = await users.seed.get('/api/v1/indicators/rd_gdp_enterprise/explain?year=2013');
  assert.equal(ratio.status, 200, ratio.text);
  assert.equal(ratio.json.records, undefined);
  assert.ok(ratio.json.numerator.length > 1000, 'the enterprise years behind the R&D total');
  assert.deepEqual(ratio.json.denominator.map((x) => x.kind), ['region_statistics']);
  assert.ok(ratio.json.numerator.every((x) => x.contributes === undefined));
  // The CLI's explanation is the same document, and an XLSX of it opens as a workbook.
  const cli = kechuang(['indicators', 'explain', '--db', db, '--year', '2013', '--code', 'hte_count']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).records.length, (await users.seed.get('/api/v1/indicators/hte_count/explain?year=2013')).json.records.length);
});

test('values and the records behind one download as XLSX, audited as exports', async () => {
  const values = await users.seed.get('/api/v1/indicators/values?year=2013&format=xlsx&lang=en', { raw: true });
  assert.equal(values.status, 200, values.text);
  assert.match(values.headers.get('content-type'), /spreadsheetml/);
  assert.match(values.headers.get('content-disposition'), /indicators-330205-2013\.xlsx/);
  const records = await users.seed.get('/api/v1/indicators/hte_count/explain?year=2013&format=xlsx', { raw: true });
  assert.equal(records.status, 200, records.text);
  assert.match(records.headers.get('content-disposition'), /hte_count-330205-2013\.xlsx/);
  const audit = (await users.admin.get('/api/v1/audit?actor=staff-seed')).json.items.map((i) => i.action);
  assert.ok(audit.includes('indicators.export') && audit.includes('indicator_records.export'), audit.join(' '));
  // The CLI writes the same sheets.
  const dir = mkdtempSync(join(tmpdir(), 'kc-indicators-'));
  const out = join(dir, 'values.xlsx');
  const r = kechuang(['indicators', 'compute', '--db', db, '--year', '2013', '--format', 'xlsx', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK', 'a zip (XLSX) file');
  rmSync(dir, { recursive: true, force: true });
});

test('values follow a change through the API, an import and a delete', async () => {
  const value = async () => byCode((await users.seed.get('/api/v1/indicators/values?year=2013&codes=tech_contract_turnover_outflow')).json)
    .tech_contract_turnover_outflow;
  const before = await value();
  const made = await users.seed.post('/api/v1/registry/tech_contracts', {
    registration_no: 'JS-IND-0001', type: 'development', signed_on: '2013-06-01', value: '100',
    seller_region: SEED, buyer_region: '310101', region_code: SEED,
  });
  assert.equal(made.status, 201, made.text);
  assert.equal(units(await value()), units(before) + units(100), 'a 100 万元 contract adds 100');
  const patched = await users.seed.patch(`/api/v1/registry/tech_contracts/${made.json.id}`, { value: '50.5' });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(units(await value()), units(before) + units(50.5));
  const csv = 'registration_no,type,signed_on,value,seller_region,buyer_region,region_code\nJS-IND-0002,transfer,2013-07-01,25,330205,310101,330205\n';
  const imported = await users.seed.request('POST', '/api/v1/registry/tech_contracts/import', csv, { headers: { 'content-type': 'text/csv' } });
  assert.equal(imported.status, 200, imported.text);
  assert.equal(units(await value()), units(before) + units(75.5));
  assert.equal((await users.seed.del(`/api/v1/registry/tech_contracts/${made.json.id}`)).status, 204);
  assert.equal(units(await value()), units(before) + units(25));
});

test('scopes: a district user computes only inside their district, an enterprise user not at all', async () => {
  const refused = await users.peer.get(`/api/v1/indicators/values?year=2013&region=${SEED}`);
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.json.message, 'region_outside_scope');
  assert.equal((await users.peer.get('/api/v1/indicators/hte_count/explain?year=2013&region=330200')).status, 403);
  const own = await users.peer.get('/api/v1/indicators/values?year=2013&codes=hte_count');
  assert.equal(own.json.region, '330206');
  assert.equal((await users.ent.get('/api/v1/indicators/values?year=2013')).status, 403);
  assert.equal((await users.ent.get('/api/v1/indicators')).status, 403);
  const noData = await users.seed.get('/api/v1/indicators/values?year=2030');
  assert.equal(noData.status, 404);
  assert.equal(noData.json.message, 'indicator_no_data');
  const unknown = await users.seed.get('/api/v1/indicators/values?year=2013&codes=hte_count,no_such_code');
  assert.equal(unknown.status, 404);
  assert.deepEqual(unknown.json.params, { code: 'no_such_code' });
  for (const args of [['--year', '2030'], ['--year', '2013', '--codes', 'no_such_code'], ['--year', '2013', '--region', '12']]) {
    const r = kechuang(['indicators', 'compute', '--db', db, ...args]);
    assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0);
  }
});

test('targets: a multiple of a base year, a value with a straight-line projection, progress and status', async () => {
  const put = (client, body) => client.request('PUT', '/api/v1/indicators/targets', body);
  // "Patent applications doubled on 2011 by 2013": 2 × 610 aimed at, 1260 reached.
  const doubled = await put(users.seed, { code: 'patent_applications', region_code: SEED, year: 2013, kind: 'multiple', target: 2, base_year: 2011 });
  assert.equal(doubled.status, 200, doubled.text);
  const d = doubled.json;
  const apps = (y) => byCode(compute(['--year', String(y), '--codes', 'patent_applications'])).patent_applications;
  assert.equal(d.target_value, 2 * apps(2011));
  assert.equal(d.current_value, apps(2013));
  assert.equal(d.as_of, 2013);
  assert.equal(d.status, 'achieved');
  assert.equal(units(d.progress), Math.round(units((apps(2013) - apps(2011)) / (2 * apps(2011) - apps(2011)) * 100)));
  // 2015 has no data: the latest year (2014) and the line through 2011 and 2014 project it.
  const share = (y) => byCode(compute(['--year', String(y), '--codes', 'rd_gdp_enterprise'])).rd_gdp_enterprise;
  const projected = share(2014) + (share(2014) - share(2011)) / 3;
  for (const [aim, status] of [[Math.floor(projected * 10) / 10 + 0.2, 'behind'], [Math.floor(projected * 10) / 10 - 0.1, 'on_track']]) {
    const r = await put(users.seed, { code: 'rd_gdp_enterprise', region_code: SEED, year: 2015, kind: 'value', target: aim, base_year: 2011, note: '十三五' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.as_of, 2014);
    assert.ok(Math.abs(r.json.projected_value - projected) < 0.001, `${r.json.projected_value} vs ${projected}`);
    assert.equal(r.json.status, status, `aim ${aim}`);
  }
  const missed = await put(users.seed, { code: 'hte_count', region_code: SEED, year: 2013, kind: 'growth', target: 100 });
  assert.equal(missed.json.base_value, byCode(compute(['--year', '2012', '--codes', 'hte_count'])).hte_count, 'growth on the year before');
  assert.equal(missed.json.status, 'missed');

  const listed = await users.seed.get('/api/v1/indicators/targets');
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.json.items.length, 3, 'the second 2015 target replaced the first');
  assert.equal(listed.json.items.find((t) => t.year === 2015).note, '十三五');
  assert.equal((await users.city.get('/api/v1/indicators/targets')).json.items.length, 3, 'the city sees its districts\' targets');
  assert.equal((await users.peer.get('/api/v1/indicators/targets')).json.items.length, 0, 'another district sees none');
  assert.equal((await users.peer.get(`/api/v1/indicators/targets?region=${SEED}`)).status, 403);
  const refused = await put(users.peer, { code: 'hte_count', region_code: SEED, year: 2014, kind: 'value', target: 80 });
  assert.equal(refused.status, 403);
  assert.equal(refused.json.message, 'region_outside_scope');
  assert.equal((await put(users.city, { code: 'hte_count', region_code: SEED, year: 2014, target: 80 })).status, 403, 'a viewer reads only');
  assert.equal((await users.peer.del(`/api/v1/indicators/targets/${d.id}`)).status, 404, 'out of scope: not found');
  for (const [body, field] of [
    [{ code: 'hte_count', region_code: SEED, year: 2014, kind: 'multiple', target: 2 }, 'base_year'],
    [{ code: 'hte_count', region_code: SEED, year: 2014, kind: 'triple', target: 2 }, 'kind'],
    [{ code: 'hte_count', region_code: SEED, year: 2014, target: 'lots' }, 'target'],
    [{ code: 'hte_count', region_code: '33', year: 2014, target: 1 }, 'region_code'],
  ]) {
    const r = await put(users.seed, body);
    assert.equal(r.status, 422, r.text);
    assert.ok(r.json.errors.some((e) => e.field === field), `${field}: ${r.text}`);
  }
  assert.equal((await put(users.seed, { code: 'no_such', region_code: SEED, year: 2014, target: 1 })).status, 404);
  assert.equal((await users.seed.del(`/api/v1/indicators/targets/${d.id}`)).status, 204);
  assert.equal((await users.seed.get('/api/v1/indicators/targets')).json.items.length, 2);
  const audit = (await users.admin.get('/api/v1/audit?entity=indicator_target')).json.items.map((i) => i.action);
  for (const a of ['indicator_target.create', 'indicator_target.update', 'indicator_target.delete']) assert.ok(audit.includes(a), a);
});

test('assessment schemes judge the districts of the city from their records; a district user sees its own result', async () => {
  const schemes = await users.seed.get('/api/v1/assessments');
  assert.equal(schemes.status, 200, schemes.text);
  assert.deepEqual(schemes.json.items.map((x) => x.code), ['national_monitoring', 'municipal_points', 'change_on_last_year']);
  for (const scheme of ['national_monitoring', 'municipal_points', 'change_on_last_year']) {
    const city = await users.city.get(`/api/v1/assessments/${scheme}?year=2013`);
    assert.equal(city.status, 200, city.text);
    assert.equal(city.json.region, '330200');
    assert.deepEqual(city.json.units.map((u) => u.code), [...[SEED, ...PEERS]].sort(), scheme);
    // Ranks follow totals (ties share a rank).
    for (const u of city.json.units) {
      const better = city.json.units.filter((x) => x.total > u.total + 1e-6).length;
      assert.equal(u.rank, better + 1, `${scheme} ${u.code}`);
    }
    // The values scored are the districts' indicator values (to 6 decimals; the API states 4).
    const seed = city.json.units.find((u) => u.code === SEED);
    const codes = Object.keys(seed.values).join(',');
    const values = byCode((await users.seed.get(`/api/v1/indicators/values?year=2013&codes=${codes}`)).json);
    for (const [code, v] of Object.entries(seed.values)) assert.ok(Math.abs(v - values[code]) <= 0.00005, `${scheme}: ${code} ${v} ${values[code]}`);
    // A district user is judged among the same peers but sees only its own result.
    const own = await users.seed.get(`/api/v1/assessments/${scheme}?year=2013`);
    assert.equal(own.status, 200, own.text);
    assert.deepEqual(own.json.units.map((u) => u.code), [SEED]);
    assert.equal(own.json.districts, 6);
    assert.equal(own.json.units[0].rank, seed.rank);
    assert.equal(own.json.units[0].total, seed.total);
  }
  // Points short of full points are what cost a district, largest first.
  const points = (await users.city.get('/api/v1/assessments/municipal_points?year=2013')).json;
  const full = Object.fromEntries(points.scheme.nodes.map((n) => [n.code, n.points]));
  for (const u of points.units) {
    const lost = u.costliest.map((c) => c.lost);
    assert.deepEqual(lost, [...lost].sort((a, b) => b - a), u.code);
    for (const c of u.costliest) assert.ok(Math.abs(c.lost - (full[c.node] - u.nodes[c.node].score)) < 1e-4, `${u.code} ${c.node}`);
  }
  assert.equal((await users.city.get('/api/v1/assessments/no_such_scheme?year=2013')).status, 404);
  assert.equal((await users.city.get('/api/v1/assessments/national_monitoring?year=2031')).status, 404);
  assert.equal((await users.peer.get(`/api/v1/assessments/national_monitoring?year=2013&region=${SEED}`)).status, 403);
  assert.equal((await users.ent.get('/api/v1/assessments')).status, 403);
});

test('administrators save catalogue entries; a formula in error is refused with its position', async () => {
  const entry = {
    zh: '发明专利申请占比', en: 'Invention share of patent applications', unit: '%', measure: 'ratio',
    formula: 'indicator(patent_applications_invention) / indicator(patent_applications) * 100',
  };
  assert.equal((await users.seed.request('PUT', '/api/v1/indicators/invention_share', entry)).status, 403, 'a district admin… staff may not');
  const saved = await users.admin.request('PUT', '/api/v1/indicators/invention_share', entry);
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.builtin, false);
  const v = byCode((await users.seed.get('/api/v1/indicators/values?year=2013&codes=invention_share,patent_applications,patent_applications_invention')).json);
  assert.equal(units(v.invention_share), Math.round(units(v.patent_applications_invention / v.patent_applications * 100)));

  const bad = await users.admin.request('PUT', '/api/v1/indicators/broken', { ...entry, formula: 'count(patents where\n  kind = \'inventon\')' });
  assert.equal(bad.status, 422, bad.text);
  const err = bad.json.errors.find((e) => e.field === 'formula');
  assert.match(err.message, /line 2, column 10/);
  assert.match(err.message, /inventon/);
  const circle = await users.admin.request('PUT', '/api/v1/indicators/invention_share', { ...entry, formula: 'indicator(invention_share) + 1' });
  assert.equal(circle.status, 422, circle.text);

  // A built-in replaced, then reset to its shipped definition.
  const hte = await users.admin.request('PUT', '/api/v1/indicators/hte_count', {
    zh: '高新技术企业数', en: 'High-tech enterprises', unit: '家', measure: 'count', formula: 'count(hte_certificates)',
  });
  assert.equal(hte.status, 200, hte.text);
  const replaced = byCode((await users.seed.get('/api/v1/indicators/values?year=2013&codes=hte_count')).json).hte_count;
  assert.equal((await users.admin.del('/api/v1/indicators/hte_count')).status, 204);
  const shipped = byCode((await users.seed.get('/api/v1/indicators/values?year=2013&codes=hte_count')).json).hte_count;
  assert.notEqual(replaced, shipped);
  assert.equal(shipped, byCode(compute(['--year', '2013', '--codes', 'hte_count'])).hte_count);
  assert.equal((await users.admin.del('/api/v1/indicators/hte_count')).status, 404, 'nothing saved any more');
  const catalogue = await users.city.get('/api/v1/indicators');
  assert.equal(catalogue.status, 200);
  const codes = catalogue.json.items.map((d) => d.code);
  assert.equal(codes[0], 'rd_expenditure_enterprise');
  assert.ok(codes.includes('invention_share'));
  const audit = await users.admin.get('/api/v1/audit?entity=indicator');
  assert.equal(audit.status, 200, audit.text);
  const actions = audit.json.items.map((i) => i.action);
  for (const a of ['indicator.create', 'indicator.update', 'indicator.reset']) assert.ok(actions.includes(a), `${a} audited`);
});
