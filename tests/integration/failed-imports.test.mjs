// Imports that failed: an import with row errors writes nothing, so the attempt is recorded in the
// audit log (<kind>.import_failed, with the file's name, counts and first errors) and listed on
// the home page's 待办 (GET /imports/failed): each user's own, an unscoped administrator's all.
// Dry runs and imports that succeed are not failures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang } from './harness.mjs';

let sys;
const c = {};
const upload = (client, path, body) => client.request('POST', path, body, { headers: { 'content-type': 'text/csv' } });

before(async () => {
  sys = await freshSystem();
  for (const [name, role, region] of [['staff-a', 'staff', '330205'], ['staff-b', 'staff', '330206'], ['viewer', 'viewer', null]]) {
    const args = ['user', 'add', '--db', sys.db, '--name', name, '--role', role, '--no-password-change'];
    if (region) args.push('--region', region);
    assert.equal(kechuang(args, ADMIN_PASSWORD + '\n').status, 0);
    c[name] = new Client(sys.server.url);
    assert.equal((await c[name].login(name, ADMIN_PASSWORD)).status, 200);
  }
});
after(async () => { await sys?.server.stop(); });

const bad = (district) => `credit_code,name,region_code\n${creditCode(9701)},好企业,${district}\nnot-a-code,坏企业,${district}\n`;
const BAD = bad('330205');

test('a failed import is recorded with its file, counts and first errors, and listed for the user who ran it', async () => {
  const r = await upload(c['staff-a'], `/api/v1/registry/enterprises/import?file=${encodeURIComponent('2025年企业名录.csv')}`, BAD);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.committed, false);
  assert.equal(r.json.error_count, 1);
  const mine = await c['staff-a'].get('/api/v1/imports/failed');
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.days, 30);
  assert.equal(mine.json.items.length, 1);
  const f = mine.json.items[0];
  assert.deepEqual([f.kind, f.zh, f.actor, f.source, f.rows, f.error_count], ['enterprises', '企业', 'staff-a', '2025年企业名录.csv', 2, 1]);
  assert.equal(f.errors[0].row, 3);
  assert.equal(f.errors[0].column, 'credit_code');
  assert.match(f.errors[0].reason, /18 characters/, 'the English rendering');
  assert.match(f.errors[0].code, /^credit_code\./, 'the code the web translates');
  assert.equal(typeof f.errors[0].params, 'object');
  assert.equal((await sys.admin.get('/api/v1/registry/enterprises?q=好企业')).json.total, 0, 'nothing was written');
  assert.deepEqual((await c['staff-b'].get('/api/v1/imports/failed')).json.items, [], 'another user does not see it');
  const all = await sys.admin.get('/api/v1/imports/failed');
  assert.ok(all.json.items.some((i) => i.audit_id === f.audit_id), 'the unscoped administrator sees everyone\'s');
  const audit = await sys.admin.get(`/api/v1/audit?action=enterprises.import_failed&page_size=5`);
  assert.equal(audit.json.items[0].id, f.audit_id);
  assert.match(audit.json.items[0].after.sha256, /^[0-9a-f]{64}$/);
});

test('dry runs, their error files and imports that succeed are not failures; readers may not list them', async () => {
  const before = (await sys.admin.get('/api/v1/imports/failed')).json.items.length;
  assert.equal((await upload(c['staff-b'], '/api/v1/registry/enterprises/import?dry_run=true', bad('330206'))).json.error_count, 1);
  assert.equal((await upload(c['staff-b'], '/api/v1/registry/enterprises/import/errors', bad('330206'))).status, 200);
  const good = await upload(c['staff-b'], '/api/v1/registry/enterprises/import',
    `credit_code,name,region_code\n${creditCode(9702)},乙区企业,330206\n`);
  assert.equal(good.json.committed, true, good.text);
  assert.equal((await sys.admin.get('/api/v1/imports/failed')).json.items.length, before);
  assert.deepEqual((await c['staff-b'].get('/api/v1/imports/failed')).json.items, []);
  assert.equal((await c.viewer.get('/api/v1/imports/failed')).status, 403);
  assert.equal((await new Client(sys.server.url).get('/api/v1/imports/failed')).status, 401);
});

test('the CLI\'s failed import is recorded too, under the file\'s name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-failed-'));
  try {
    const file = join(dir, 'bad-enterprises.csv');
    writeFileSync(file, BAD);
    const r = kechuang(['import', '--db', sys.db, 'enterprises', file]);
    assert.notEqual(r.status, 0, 'a file with row errors fails the command');
    const all = (await sys.admin.get('/api/v1/imports/failed')).json.items;
    const cli = all.find((i) => i.source === 'bad-enterprises.csv');
    assert.ok(cli, JSON.stringify(all));
    assert.equal(cli.actor, 'cli');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
