// The composite-index API gives COINr's numbers on ASEM and reproducible uncertainty runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshSystem } from './harness.mjs';

const ASEM = resolve(import.meta.dirname, '../../../shared/data/asem');
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
