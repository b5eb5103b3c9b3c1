// The composite-index API gives COINr's numbers on ASEM and reproducible uncertainty runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshSystem } from './harness.mjs';

const ASEM = resolve(import.meta.dirname, '../reference/asem');
const data = readFileSync(join(ASEM, 'ASEM_iData.csv'), 'utf8');
const meta = readFileSync(join(ASEM, 'ASEM_iMeta.csv'), 'utf8');
const spec = JSON.parse(readFileSync(join(ASEM, 'example-spec.json'), 'utf8'));

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

test('the example pipeline through the API matches COINr scores and ranks', async () => {
  const r = await sys.admin.post('/api/v1/index/build', { data, meta, spec });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const lines = readFileSync(join(ASEM, 'expected_example_results_scores.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const { units, scores, rank } = r.json.results;
  let compared = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.replace(/"/g, ''));
    const u = units.indexOf(cells[header.indexOf('uCode')]);
    assert.ok(u >= 0);
    for (const [j, col] of header.entries()) {
      if (!(col in scores)) continue;
      const want = Number(cells[j]);
      assert.ok(Math.abs(scores[col][u] - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${cells[0]} ${col}`);
      compared++;
    }
    assert.equal(rank[u], Number(cells[header.indexOf('Rank')]));
  }
  assert.ok(compared >= 51 * 3);
  assert.equal(r.json.treat_details.filter((t) => t.winsorised).length, 15);
});

test('defaults apply without a spec, and bad input names the field', async () => {
  const r = await sys.admin.post('/api/v1/index/build', { data, meta });
  assert.equal(r.status, 200);
  assert.ok(r.json.results.columns.includes('Index'));
  const bad = await sys.admin.post('/api/v1/index/build', { data, meta, spec: { steps: [{ op: 'normalise', method: 'magic' }] } });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, 'spec');
  const badData = await sys.admin.post('/api/v1/index/build', { data: 'uCode\n', meta });
  assert.equal(badData.status, 422);
});

test('uncertainty runs are reproducible for a seed and bounded', async () => {
  const vary = { vary: [{ factor: 'aggregate', values: [{ method: 'amean' }, { method: 'gmean' }] },
    { factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 20 }] };
  const body = { data, meta, spec, vary, runs: 200, seed: 7 };
  const one = await sys.admin.post('/api/v1/index/uncertainty', body);
  assert.equal(one.status, 200, one.text.slice(0, 300));
  const two = await sys.admin.post('/api/v1/index/uncertainty', body);
  assert.deepEqual(one.json.rank_stats, two.json.rank_stats);
  const s = one.json.rank_stats;
  for (let i = 0; i < s.units.length; i++) assert.ok(s.q5[i] <= s.median[i] && s.median[i] <= s.q95[i]);
  const tooMany = await sys.admin.post('/api/v1/index/uncertainty', { ...body, runs: 1_000_000 });
  assert.equal(tooMany.status, 422);
});

test('definitions are saved only when they build, listed, changed and deleted', async () => {
  const created = await sys.admin.post('/api/v1/index/definitions', {
    name: 'ASEM 示例', description: 'COINr example', data_source: 'upload', data, meta, spec,
  });
  assert.equal(created.status, 201, created.text.slice(0, 300));
  assert.deepEqual(created.json.spec, spec);
  const broken = await sys.admin.post('/api/v1/index/definitions', {
    name: 'broken', data_source: 'upload', data, meta, spec: { steps: [{ op: 'normalise', method: 'magic' }] },
  });
  assert.equal(broken.status, 422);
  const dup = await sys.admin.post('/api/v1/index/definitions', { name: 'ASEM 示例', data_source: 'upload', data, meta });
  assert.equal(dup.status, 422);
  assert.equal(dup.json.errors[0].field, 'name');
  const list = await sys.admin.get('/api/v1/index/definitions');
  assert.deepEqual(list.json.items.map((d) => d.name), ['ASEM 示例']);
  assert.equal(list.json.items[0].meta, undefined, 'the list leaves the texts out');
  const renamed = await sys.admin.request('PUT', `/api/v1/index/definitions/${created.json.id}`,
    { name: 'ASEM', data_source: 'upload', data, meta });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.json.spec, null, 'no spec: COINr defaults');
  const one = await sys.admin.get(`/api/v1/index/definitions/${created.json.id}`);
  assert.equal(one.json.name, 'ASEM');
  assert.equal((await sys.admin.del(`/api/v1/index/definitions/${created.json.id}`)).status, 204);
  assert.equal((await sys.admin.get(`/api/v1/index/definitions/${created.json.id}`)).status, 404);
});

test('region statistics from the registry feed an index', async () => {
  const regions = [['330205', '本区', 3400000, 91800], ['330206', '甲区', 2800000, 60000], ['330211', '乙区', 4100000, 120000]];
  for (const [code, name, gdp, rd] of regions) {
    const r = await sys.admin.post('/api/v1/registry/region_statistics', { region_code: code, region_name: name, year: 2013, gdp, rd_expenditure: rd, resident_population: 500000 });
    assert.equal(r.status, 201, r.text);
  }
  const rd = await sys.admin.get('/api/v1/index/region-data?year=2013');
  assert.equal(rd.status, 200, rd.text);
  assert.equal(rd.json.regions, 3);
  assert.match(rd.json.data.split('\n')[0], /^uCode,uName,/);
  const built = await sys.admin.post('/api/v1/index/build', { data: rd.json.data, meta: rd.json.meta });
  assert.equal(built.status, 200, built.text.slice(0, 300));
  assert.deepEqual([...built.json.results.units].sort(), ['330205', '330206', '330211']);
  assert.equal((await sys.admin.get('/api/v1/index/region-data?year=1990')).status, 422);
});

// Binary bodies in and out: the harness client reads answers as text, which would mangle a zip.
async function binary(path, body, contentType = 'application/json') {
  const res = await fetch(sys.server.url + path, {
    method: 'POST',
    headers: { cookie: sys.admin.cookie, 'X-CSRF-Token': sys.admin.csrf, 'content-type': contentType },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const convert = async (bytes, sheet) => {
  const r = await binary(`/api/v1/index/convert${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`, bytes, XLSX);
  return { status: r.status, json: JSON.parse(r.bytes.toString('utf8')) };
};
const csvRows = (text) => text.trim().split('\n').map((l) => l.split(','));

test('analysis: framework with effective weights, statistics, correlations and alpha', async () => {
  const r = await sys.admin.post('/api/v1/index/build', { data, meta, spec, analysis: true });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const { framework, statistics, correlations, alpha } = r.json;
  assert.equal(framework.length, 60);
  assert.deepEqual(Object.keys(framework[0]), ['code', 'name', 'level', 'parent', 'direction', 'weight', 'effective_weight']);
  assert.equal(framework.at(-1).parent, null);
  const perLevel = {};
  for (const f of framework) perLevel[f.level] = (perLevel[f.level] ?? 0) + f.effective_weight;
  assert.deepEqual(Object.keys(perLevel), ['1', '2', '3', '4']);
  for (const s of Object.values(perLevel)) assert.ok(Math.abs(s - 1) < 1e-12, String(s));
  assert.equal(statistics.length, 49);
  const goods = statistics.find((s) => s.code === 'Goods');
  const col = data.split('\n')[0].split(',').map((h) => h.replace(/"/g, '')).indexOf('Goods');
  const values = data.trim().split('\n').slice(1).map((l) => l.split(',')[col]).filter((v) => v !== '' && v !== 'NA').map(Number);
  assert.equal(goods.n, values.length);
  assert.ok(Math.abs(goods.mean - values.reduce((a, b) => a + b, 0) / values.length) < 1e-9 * goods.mean);
  assert.equal(goods.max, Math.max(...values));
  const { codes, r: m } = correlations;
  assert.equal(codes.length, 60);
  assert.equal(m.length, 60);
  for (let i = 0; i < codes.length; i++) {
    assert.equal(m[i].length, 60);
    if (m[i][i] !== null) assert.ok(Math.abs(m[i][i] - 1) < 1e-12);
    for (let j = 0; j < i; j++) assert.equal(m[i][j], m[j][i]);
  }
  assert.ok(alpha.some((a) => a.group === 'Physical' && typeof a.alpha === 'number'));
  const plain = await sys.admin.post('/api/v1/index/build', { data, meta, spec });
  assert.equal(plain.json.framework, undefined, 'analysis only when asked');
});

test('profile: a unit\'s strengths and weaknesses; an unknown unit names profile.unit', async () => {
  const r = await sys.admin.post('/api/v1/index/build', { data, meta, spec, profile: { unit: 'AUT', n: 4 } });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const p = r.json.profile;
  assert.equal(p.unit, 'AUT');
  assert.equal(p.level, 1);
  assert.equal(p.strengths.length, 4);
  assert.equal(p.weaknesses.length, 4);
  assert.ok(p.strengths[0].rank <= p.weaknesses[0].rank);
  const pillars = await sys.admin.post('/api/v1/index/build', { data, meta, spec, profile: { unit: 'AUT', level: 2, n: 2 } });
  assert.equal(pillars.status, 200);
  assert.ok(['Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin'].includes(pillars.json.profile.strengths[0].code));
  const bad = await sys.admin.post('/api/v1/index/build', { data, meta, spec, profile: { unit: 'XXX' } });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, 'profile.unit');
  const badLevel = await sys.admin.post('/api/v1/index/build', { data, meta, spec, profile: { unit: 'AUT', level: 7 } });
  assert.equal(badLevel.json.errors[0].field, 'profile.level');
});

test('what-if: a changed weight gives the ranks of a rebuild with that weight', async () => {
  const r = await sys.admin.post('/api/v1/index/build', { data, meta, spec, what_if: { weights: { Conn: 4 } } });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const w = r.json.what_if;
  assert.deepEqual(Object.keys(w), ['units', 'score_before', 'score_after', 'rank_before', 'rank_after', 'rank_change']);
  const weighted = structuredClone(spec);
  weighted.steps.find((s) => s.op === 'aggregate').weights = { Conn: 4 };
  const rebuilt = await sys.admin.post('/api/v1/index/build', { data, meta, spec: weighted });
  assert.deepEqual(w.units, rebuilt.json.results.units);
  assert.deepEqual(w.rank_after, rebuilt.json.results.rank);
  assert.deepEqual(w.rank_before, r.json.results.rank);
  assert.ok(w.rank_change.some((c) => c !== 0));
  for (let i = 0; i < w.units.length; i++) assert.equal(w.rank_change[i], w.rank_after[i] - w.rank_before[i]);

  const value = await sys.admin.post('/api/v1/index/build', { data, meta, spec, what_if: { unit: 'AUT', values: { LPI: null, Goods: 1e6 } } });
  assert.equal(value.status, 200, value.text.slice(0, 300));
  const i = value.json.what_if.units.indexOf('AUT');
  assert.notEqual(value.json.what_if.score_after[i], value.json.what_if.score_before[i]);

  const bad = await sys.admin.post('/api/v1/index/build', { data, meta, spec, what_if: { unit: 'AUT', values: { Nope: 1 }, weights: { Zip: 1 } } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors.map((e) => e.field), ['what_if.values.Nope', 'what_if.weights.Zip']);
  const badType = await sys.admin.post('/api/v1/index/build', { data, meta, spec, what_if: { unit: 'AUT', values: { LPI: 'high' } } });
  assert.equal(badType.json.errors[0].field, 'what_if.values.LPI');
  const badFormat = await sys.admin.post('/api/v1/index/build?format=pdf', { data, meta, spec });
  assert.equal(badFormat.json.errors[0].field, 'format');
});

test('panel-wide normalisation needs panel data and a year, which this route does not take', async () => {
  const panelWide = structuredClone(spec);
  panelWide.steps.find((s) => s.op === 'normalise').panel_wide = true;
  const r = await sys.admin.post('/api/v1/index/build', { data, meta, spec: panelWide });
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].field, 'spec');
  assert.match(r.json.errors[0].message, /panel_wide needs panel data/);
  const typo = await sys.admin.post('/api/v1/index/build', { data, meta, spec: { steps: [{ op: 'normalise', panel_wide: 'yes' }] } });
  assert.match(typo.json.errors[0].message, /panel_wide: must be true or false/);
});

test('the build as an xlsx workbook, read back through /convert', async () => {
  const r = await binary('/api/v1/index/build?format=xlsx', { data, meta, spec });
  assert.equal(r.status, 200, r.bytes.toString('utf8', 0, 300));
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="index-results\.xlsx"/);
  assert.deepEqual([...r.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
  const first = await convert(r.bytes);
  assert.equal(first.status, 200);
  assert.deepEqual(first.json.sheets, ['Results', 'Raw', 'Denominated', 'Imputed', 'Screened', 'Treated', 'Normalised',
    'Aggregated', 'Treatment', 'Statistics', 'Correlations', 'Alpha', 'Framework']);
  assert.equal(first.json.sheet, 'Results');
  const json = await sys.admin.post('/api/v1/index/build', { data, meta, spec });
  const { units, scores, rank } = json.json.results;
  const [header, ...rows] = csvRows(first.json.csv);
  assert.equal(header[0], 'uCode');
  assert.equal(header.at(-1), 'Rank');
  assert.equal(rows.length, units.length);
  for (const row of rows) {
    const u = units.indexOf(row[0]);
    assert.equal(Number(row.at(-1)), rank[u]);
    for (let c = 1; c < header.length - 1; c++) {
      const want = scores[header[c]][u];
      assert.ok(Math.abs(Number(row[c]) - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${row[0]} ${header[c]}`);
    }
  }
  const ranks = rows.map((row) => Number(row.at(-1)));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'rows by rank');
});

test('iData loaded from an xlsx sheet builds the same index as the CSV', async () => {
  // The Raw sheet of an export is an iData of uCode and the indicators; its iMeta needs no group rows.
  const [head, ...metaRows] = meta.trim().split(/\r?\n/);
  const treeMeta = [head, ...metaRows.filter((l) => !/"Group"$/.test(l))].join('\n') + '\n';
  assert.equal(treeMeta.split('\n').length, 66);
  const exported = await binary('/api/v1/index/build?format=xlsx', { data, meta });
  const raw = await convert(exported.bytes, 'Raw');
  assert.equal(raw.status, 200);
  const fromSheet = await sys.admin.post('/api/v1/index/build', { data: raw.json.csv, meta: treeMeta });
  assert.equal(fromSheet.status, 200, fromSheet.text.slice(0, 300));
  const fromCsv = await sys.admin.post('/api/v1/index/build', { data, meta });
  assert.deepEqual(fromSheet.json.results.rank, fromCsv.json.results.rank);
  const idx = fromCsv.json.results.scores.Index;
  fromSheet.json.results.scores.Index.forEach((v, i) => assert.ok(Math.abs(v - idx[i]) < 1e-9, fromCsv.json.results.units[i]));
});

test('convert refuses what is not a workbook, an unknown sheet and a file over 8 MiB', async () => {
  const notZip = await convert('uCode,LPI\nAUT,1\n');
  assert.equal(notZip.status, 422);
  assert.equal(notZip.json.errors[0].field, 'body');
  const broken = await convert('PK\u0003\u0004 not really a zip');
  assert.equal(broken.status, 422);
  assert.equal(broken.json.errors[0].field, 'body');
  const exported = await binary('/api/v1/index/build?format=xlsx', { data, meta });
  const unknown = await convert(exported.bytes, 'Nope');
  assert.equal(unknown.status, 422);
  assert.equal(unknown.json.errors[0].field, 'sheet');
  assert.match(unknown.json.errors[0].message, /Results/);
  const big = await convert(new Uint8Array(8 * 1024 * 1024 + 1));
  assert.equal(big.status, 413);
  assert.equal(big.json.code, 'payload_too_large');
});

test('the uncertainty analysis as an xlsx workbook', async () => {
  const vary = { vary: [{ factor: 'aggregate', values: [{ method: 'amean' }, { method: 'gmean' }] }] };
  const r = await binary('/api/v1/index/uncertainty?format=xlsx', { data, meta, spec, vary, runs: 20, seed: 3, sensitivity: true });
  assert.equal(r.status, 200, r.bytes.toString('utf8', 0, 300));
  assert.deepEqual([...r.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  assert.match(r.headers.get('content-disposition'), /index-uncertainty\.xlsx/);
  const stats = await convert(r.bytes);
  assert.deepEqual(stats.json.sheets, ['RankStats', 'Sensitivity']);
  const [header, ...rows] = csvRows(stats.json.csv);
  assert.deepEqual(header, ['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95']);
  assert.equal(rows.length, 51);
  const json = await sys.admin.post('/api/v1/index/uncertainty', { data, meta, spec, vary, runs: 20, seed: 3, sensitivity: true });
  const s = json.json.rank_stats;
  for (const row of rows) {
    const u = s.units.indexOf(row[0]);
    assert.equal(Number(row[1]), s.nominal[u]);
    assert.ok(Math.abs(Number(row[2]) - s.mean[u]) < 1e-9);
  }
  const sens = await convert(r.bytes, 'Sensitivity');
  assert.equal(csvRows(sens.json.csv)[1][0], 'aggregate');
});
