// The engines' machine interfaces through the real binary: `kechuang rules evaluate` on the shared
// worked examples and `kechuang index build` on the ASEM data, compared with the expected outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshSystem, kechuang } from './harness.mjs';

const REFERENCE = resolve(import.meta.dirname, '../reference');

function assertMatchesExpected(policy, got) {
    const want = JSON.parse(readFileSync(join(REFERENCE, `rules/public-${policy}.expected.json`), 'utf8'));
    assert.equal(got.policy, want.policy);
    const byId = new Map(got.results.map((x) => [x.id, x]));
    for (const w of want.results) {
      const g = byId.get(w.id);
      assert.ok(g, `missing ${w.id}`);
      assert.equal(g.verdict, w.verdict, w.id);
      assert.deepEqual([...g.failed].sort(), [...w.failed].sort(), w.id);
      if (policy === 'hte') {
        assert.deepEqual(g.score.bands, w.score.bands, w.id);
        if (w.score.total === null) assert.equal(g.score.total, null, w.id);
        else assert.ok(Math.abs(g.score.total - w.score.total) < 1e-6, w.id);
      } else {
        assert.equal(g.route, w.route, w.id);
        for (const k of ['st_staff', 'rd', 'ip', 'total']) assert.ok(Math.abs(g.score[k] - w.score[k]) < 1e-6, `${w.id} ${k}`);
        if ('rd_option' in w.score) assert.equal(g.score.rd_option, w.score.rd_option, w.id);
      }
    }
}

for (const policy of ['hte', 'sme']) {
  test(`rules evaluate --policy ${policy} reproduces every worked example`, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kc-rules-')), 'out.json');
    const r = kechuang(['rules', 'evaluate', '--policy', policy, '--input', join(REFERENCE, `rules/public-${policy}.json`), '--output', out]);
    assert.equal(r.status, 0, r.stderr);
    assertMatchesExpected(policy, JSON.parse(readFileSync(out, 'utf8')));
  });
}

test('the rules API reproduces every worked example too', async () => {
  const sys = await freshSystem();
  try {
    for (const policy of ['hte', 'sme']) {
      const input = readFileSync(join(REFERENCE, `rules/public-${policy}.json`), 'utf8');
      const r = await sys.admin.post(`/api/v1/rules/${policy}/evaluate`, input);
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assertMatchesExpected(policy, r.json);
    }
    const bad = await sys.admin.post('/api/v1/rules/hte/evaluate', { as_of: 'soon', enterprises: [] });
    assert.equal(bad.status, 422);
    assert.match(bad.json.detail, /as_of/);
  } finally {
    await sys.server.stop();
  }
});

test('rules evaluate refuses bad input naming the enterprise and field, writing nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-rules-bad-'));
  const input = join(dir, 'in.json');
  writeFileSync(input, JSON.stringify({ as_of: '2025-05-20', enterprises: [{ id: 'X-1', registered_on: 'yesterday', years: [] }] }));
  const r = kechuang(['rules', 'evaluate', '--policy', 'hte', '--input', input, '--output', join(dir, 'out.json')]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /X-1/);
  assert.match(r.stderr, /registered_on/);
});

function readCsv(path) {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  return { header, rows: new Map(rows.map((r) => [r[0], r])) };
}

test('index build reproduces COINr on the ASEM example pipeline', () => {
  const out = mkdtempSync(join(tmpdir(), 'kc-index-'));
  const asem = join(REFERENCE, 'asem');
  const r = kechuang(['index', 'build', '--data', join(asem, 'ASEM_iData.csv'), '--meta', join(asem, 'ASEM_iMeta.csv'),
    '--spec', join(asem, 'example-spec.json'), '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  for (const name of ['Denominated', 'Imputed', 'Treated', 'Normalised', 'Aggregated']) {
    const got = readCsv(join(out, `${name}.csv`));
    const want = readCsv(join(asem, `expected_example_${name}.csv`));
    let compared = 0;
    for (const [unit, wrow] of want.rows) {
      const grow = got.rows.get(unit);
      assert.ok(grow, `${name}: unit ${unit} missing`);
      want.header.forEach((col, j) => {
        if (j === 0) return;
        const gi = got.header.indexOf(col);
        assert.ok(gi >= 0, `${name}: column ${col} missing`);
        const w = wrow[j], g = grow[gi];
        if (w === '' || w === 'NA') { assert.ok(g === '' || g === 'NA', `${name} ${unit} ${col}: ${g}`); return; }
        const wv = Number(w), gv = Number(g);
        assert.ok(Math.abs(gv - wv) <= 1e-9 * Math.max(1, Math.abs(wv)), `${name} ${unit} ${col}: ${gv} vs ${wv}`);
        compared++;
      });
    }
    assert.ok(compared > 1000, `${name}: compared ${compared} values`);
  }
});

test('the CLI and the API build the same year of panel data, and neither builds a panel without a year', async () => {
  const asem = join(REFERENCE, 'asem');
  const dataPath = join(asem, 'ASEM_iData_p.csv'), metaPath = join(asem, 'ASEM_iMeta.csv');
  const out = mkdtempSync(join(tmpdir(), 'kc-panel-'));
  const noYear = kechuang(['index', 'build', '--data', dataPath, '--meta', metaPath, '--out', out]);
  assert.equal(noYear.status, 1);
  assert.match(noYear.stderr, /Time values; choose the one to build with --time/);
  const cli = kechuang(['index', 'build', '--data', dataPath, '--meta', metaPath, '--time', '2019',
    '--panel-impute', 'linear', '--out', out]);
  assert.equal(cli.status, 0, cli.stderr);
  const want = readCsv(join(out, 'Aggregated.csv'));

  const sys = await freshSystem();
  try {
    const data = readFileSync(dataPath, 'utf8'), meta = readFileSync(metaPath, 'utf8');
    const refused = await sys.admin.post('/api/v1/index/build', { data, meta });
    assert.equal(refused.status, 422);
    assert.equal(refused.json.errors[0].field, 'time');
    const imputeAlone = await sys.admin.post('/api/v1/index/build', { data, meta, panel_impute: 'linear' });
    assert.equal(imputeAlone.json.errors[0].field, 'panel_impute');
    const r = await sys.admin.post('/api/v1/index/build', { data, meta, time: 2019, panel_impute: 'linear' });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const { units, scores } = r.json.results;
    const col = want.header.indexOf('Index');
    assert.ok(col > 0);
    let compared = 0;
    for (const [unit, row] of want.rows) {
      const u = units.indexOf(unit);
      assert.ok(u >= 0, unit);
      assert.ok(Math.abs(scores.Index[u] - Number(row[col])) <= 1e-9 * Math.max(1, Math.abs(Number(row[col]))), unit);
      compared++;
    }
    assert.equal(compared, units.length);
  } finally {
    await sys.server.stop();
  }
});
