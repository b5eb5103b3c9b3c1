// Registry files over HTTP: template, dry run with row errors (also as XLSX), all-or-nothing
// commit, idempotent re-import, update mode and the export → edit → import round trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

const csv = (rows) => rows.map((r) => r.join(',')).join('\n') + '\n';
const upload = (path, body) => sys.admin.request('POST', path, body, { headers: { 'content-type': 'text/csv' } });

test('the template is an XLSX download', async () => {
  const r = await sys.admin.get('/api/v1/registry/enterprises/template', { raw: true });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.match(r.headers.get('content-disposition'), /enterprises-template\.xlsx/);
});

test('a dry run lists row errors, the errors download as XLSX, and nothing is written', async () => {
  const file = csv([['credit_code', 'name', 'registered_capital'], [creditCode(7001), '好企业', '10'], ['91350100M000100Y44', '坏企业', 'x']]);
  const dry = await upload('/api/v1/registry/enterprises/import?dry_run=true', file);
  assert.equal(dry.status, 200);
  assert.equal(dry.json.committed, false);
  assert.deepEqual(dry.json.errors.map((e) => [e.row, e.column]), [[3, 'credit_code'], [3, 'registered_capital']]);
  assert.deepEqual(dry.json.errors.map((e) => e.code), ['credit_code.check_char', 'field.not_amount']);
  assert.deepEqual(dry.json.errors[0].params, { expected: '3', actual: '4' });
  const commit = await upload('/api/v1/registry/enterprises/import', file);
  assert.equal(commit.json.committed, false, 'a file with errors is never committed');
  assert.equal((await sys.admin.get('/api/v1/registry/enterprises')).json.total, 0);
  const xlsx = await upload('/api/v1/registry/enterprises/import/errors', file);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
});

test('commit, idempotent re-import, update mode and export round trip', async () => {
  const file = csv([['credit_code', 'name', 'tech_field'], [creditCode(7101), '甲', '4'], [creditCode(7102), '乙', '']]);
  const first = await upload('/api/v1/registry/enterprises/import', file);
  assert.deepEqual([first.json.committed, first.json.created], [true, 2]);
  const again = await upload('/api/v1/registry/enterprises/import', file);
  assert.deepEqual([again.json.created, again.json.unchanged], [0, 2]);

  const exported = await sys.admin.get('/api/v1/registry/enterprises/export?format=csv&tech_field=4', { raw: true });
  assert.equal(exported.status, 200);
  const lines = exported.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, 2, 'the filter applies to the export');
  const edited = exported.text.replace('甲', '甲改');
  const refused = await upload('/api/v1/registry/enterprises/import', edited);
  assert.equal(refused.json.error_count, 1);
  const updated = await upload('/api/v1/registry/enterprises/import?update=true', edited);
  assert.deepEqual([updated.json.committed, updated.json.updated], [true, 1]);
  const list = await sys.admin.get('/api/v1/registry/enterprises?q=%E7%94%B2');
  assert.equal(list.json.items[0].name, '甲改');
  const history = await sys.admin.get(`/api/v1/registry/enterprises/${list.json.items[0].id}/history`);
  assert.equal(history.json.items.at(-1).changes[0].field, 'name');

  const xlsx = await sys.admin.get('/api/v1/registry/enterprises/export?format=xlsx', { raw: true });
  assert.equal(xlsx.status, 200);
  const bytes = Buffer.from(await (await fetch(`${sys.server.url}/api/v1/registry/enterprises/export`, {
    headers: { cookie: sys.admin.cookie },
  })).arrayBuffer());
  const back = await sys.admin.request('POST', '/api/v1/registry/enterprises/import', bytes,
    { headers: { 'content-type': 'application/octet-stream' } });
  assert.deepEqual([back.json.format, back.json.unchanged, back.json.error_count], ['xlsx', 2, 0]);
});

test('an imported R&D total must equal its parts; an empty one is filled in from them', async () => {
  const code = creditCode(7301);
  await sys.admin.post('/api/v1/registry/enterprises', { credit_code: code, name: '研发合计企业' });
  const bad = csv([['enterprise_id', 'year', 'rd_personnel', 'rd_other', 'rd_total'], [code, '2012', '10', '2.5', '12.5'], [code, '2013', '10', '', '11']]);
  const dry = await upload('/api/v1/registry/enterprise_years/import?dry_run=true', bad);
  assert.deepEqual(dry.json.errors.map((e) => [e.row, e.column]), [[3, 'rd_total']]);
  assert.match(dry.json.errors[0].reason, /11/);
  assert.match(dry.json.errors[0].reason, /10/);
  assert.equal(dry.json.errors[0].code, 'record.sum_mismatch');
  assert.deepEqual([dry.json.errors[0].params.stated, dry.json.errors[0].params.parts], ['11', '10']);
  const good = csv([['enterprise_id', 'year', 'rd_personnel', 'rd_other', 'rd_total'], [code, '2014', '5', '0.0001', '']]);
  const commit = await upload('/api/v1/registry/enterprise_years/import', good);
  assert.deepEqual([commit.json.committed, commit.json.created], [true, 1]);
  const years = (await sys.admin.get('/api/v1/registry/enterprise_years?year=2014')).json.items;
  assert.equal(years.length, 1);
  assert.equal(years[0].rd_total, '5.0001');
});

test('a malformed file is refused with a clear message', async () => {
  const r = await upload('/api/v1/registry/enterprises/import', 'PK\u0003\u0004not really a zip');
  assert.equal(r.status, 422);
  assert.equal(r.json.code, 'import_unreadable');
});

test('the CLI streams a file from disk and refuses one over --max-bytes without changing anything', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-cli-import-'));
  try {
    const path = join(dir, 'firms.csv');
    const file = csv([['credit_code', 'name'], [creditCode(7201), '丙'], [creditCode(7202), '丁']]);
    writeFileSync(path, file);
    const size = Buffer.byteLength(file);
    const before = (await sys.admin.get('/api/v1/registry/enterprises')).json.total;
    const refused = kechuang(['import', '--db', sys.db, 'enterprises', path, '--max-bytes', String(size - 1)]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, new RegExp(`has ${size} bytes, more than the limit of ${size - 1} bytes \\(--max-bytes\\); nothing was imported`));
    assert.equal((await sys.admin.get('/api/v1/registry/enterprises')).json.total, before);
    const done = kechuang(['import', '--db', sys.db, 'enterprises', path, '--max-bytes', '1KiB']);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /csv \(UTF-8\), 2 rows/);
    assert.match(done.stdout, /Imported: 2 new/);
    assert.equal((await sys.admin.get('/api/v1/registry/enterprises')).json.total, before + 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an export of the selected rows holds those rows only, within the list filter, and is audited with their count', async () => {
  const made = [];
  for (const [n, name] of [[7401, '选中甲'], [7402, '选中乙'], [7403, '未选丙']]) {
    const r = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(n), name, tech_field: '2' });
    assert.equal(r.status, 201, r.text);
    made.push(r.json.id);
  }
  const names = (text) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[1]).sort();
  const picked = await sys.admin.get(`/api/v1/registry/enterprises/export?format=csv&ids=${made[0]},${made[1]}`, { raw: true });
  assert.equal(picked.status, 200, picked.text);
  assert.deepEqual(names(picked.text), ['选中乙', '选中甲']);
  // The ids narrow the filter; they never widen it.
  const narrowed = await sys.admin.get(`/api/v1/registry/enterprises/export?format=csv&ids=${made[0]}&tech_field=3`, { raw: true });
  assert.deepEqual(names(narrowed.text), []);
  for (const bad of ['1,x', '1,,2', '-4', '']) {
    const r = await sys.admin.get(`/api/v1/registry/enterprises/export?format=csv&ids=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 422, bad);
    assert.equal(r.json.errors[0].field, 'ids');
  }
  const tooMany = Array.from({ length: 1001 }, (_, i) => i + 1).join(',');
  assert.equal((await sys.admin.get(`/api/v1/registry/enterprises/export?format=csv&ids=${tooMany}`)).status, 422);
  const audit = await sys.admin.get('/api/v1/audit?action=enterprises.export');
  const exports = audit.json.items.map((e) => e.after).filter((a) => a.filter.selected !== undefined);
  assert.ok(exports.some((a) => a.filter.selected === 2 && a.rows === 2), JSON.stringify(exports));
  assert.ok(exports.some((a) => a.filter.selected === 1 && a.filter.fields.tech_field === '3' && a.rows === 0));
});

test('exports and templates head their columns with labels and units in the chosen language, and import back', async () => {
  const made = await upload('/api/v1/registry/enterprises/import', csv([['credit_code', 'name', 'registered_capital'], [creditCode(7951), '标签企业', '88.5']]));
  assert.equal(made.json.committed, true, made.text);
  const zh = await sys.admin.get('/api/v1/registry/enterprises/export?format=csv&headers=zh&q=标签企业', { raw: true });
  assert.equal(zh.status, 200);
  const header = zh.text.replace(/^\uFEFF/, '').split('\n')[0];
  assert.match(header, /统一社会信用代码/);
  assert.match(header, /注册资本（万元）/);
  const en = await sys.admin.get('/api/v1/registry/enterprises/export?format=csv&headers=en&q=标签企业', { raw: true });
  assert.match(en.text.split('\n')[0], /Registered capital \(10k yuan\)/);
  for (const file of [zh.text, en.text]) {
    const back = await upload('/api/v1/registry/enterprises/import?dry_run=true', file);
    assert.equal(back.status, 200, back.text);
    assert.deepEqual(back.json.errors, []);
    assert.equal(back.json.unchanged, 1, 'the same record, read through its labels');
  }
  const bad = await sys.admin.get('/api/v1/registry/enterprises/export?format=csv&headers=fr', { raw: true });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /"field":"headers"/);
  assert.equal((await sys.admin.get('/api/v1/registry/enterprises/template?headers=en', { raw: true })).status, 200);
  const cli = kechuang(['template', 'enterprises', '--headers', 'zh', '--out', join(mkdtempSync(join(tmpdir(), 'kc-t-')), 't.xlsx')]);
  assert.equal(cli.status, 0, cli.stderr);
});
