// Records an installation held before kinds had a district of their own (pre-migration 9) are
// placed with `kechuang districts backfill`: in their enterprise's district where they name one,
// else in the district the operator names; a district user then sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang, rawSql } from './harness.mjs';

const A = '330205';
const B = '330206';
let sys;
let staffA;

before(async () => {
  sys = await freshSystem();
  const firm = (await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(5201), name: '乙区老企业', region_code: B })).json;
  const platform = await sys.admin.post('/api/v1/registry/platforms', { name: '老平台', kind: 'other', region_code: A });
  assert.equal(platform.status, 201);
  assert.equal((await sys.admin.post('/api/v1/registry/platform_years', { platform_id: platform.json.id, year: 2012 })).status, 201);
  assert.equal((await sys.admin.post('/api/v1/registry/patents', {
    application_no: '2012100000017', kind: 'invention', filed_on: '2012-01-05', status: 'pending', enterprise_id: firm.id,
  })).status, 201);
  // As an older version left them: no district of their own.
  // (The platform's years copied its district, none, when migration 12 filled their column.)
  rawSql(sys.db, 'UPDATE reg_platforms SET region_code = NULL; UPDATE reg_patents SET region_code = NULL; ' +
    'UPDATE reg_platform_years SET scope_district = NULL;');
  const r = kechuang(['user', 'add', '--db', sys.db, '--name', 'staff-a', '--role', 'staff', '--region', A, '--no-password-change'],
    ADMIN_PASSWORD + '\n');
  assert.equal(r.status, 0, r.stderr);
  staffA = new Client(sys.server.url);
  assert.equal((await staffA.login('staff-a', ADMIN_PASSWORD)).status, 200);
});
after(async () => { await sys?.server.stop(); });

const row = (out, kind) => out.split('\n').find((l) => l.trim().startsWith(kind + ' '))?.trim().split(/\s+/).slice(1).map(Number);

test('a dry run counts, writes nothing; a bad district is refused', async () => {
  const dry = kechuang(['districts', 'backfill', '--db', sys.db, '--dry-run']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.deepEqual(row(dry.stdout, 'patents'), [1, 0, 0], 'from its enterprise');
  assert.deepEqual(row(dry.stdout, 'platforms'), [0, 0, 1], 'left without --region');
  assert.equal((await staffA.get('/api/v1/registry/platforms')).json.total, 0);
  assert.equal((await staffA.get('/api/v1/registry/platform_years')).json.total, 0);
  const bad = kechuang(['districts', 'backfill', '--db', sys.db, '--region', '3302']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--region: .*6-digit district/);
  assert.equal(rawSql(sys.db, 'SELECT COUNT(*) FROM reg_patents WHERE region_code IS NULL').trim(), '1', 'nothing written');
});

test('records are placed, audited, and seen by the district they now belong to', async () => {
  const run = kechuang(['districts', 'backfill', '--db', sys.db, '--region', A]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(row(run.stdout, 'platforms'), [0, 1, 0]);
  assert.deepEqual(row(run.stdout, 'patents'), [1, 0, 0]);
  assert.equal((await staffA.get('/api/v1/registry/platforms')).json.total, 1);
  assert.equal((await staffA.get('/api/v1/registry/platform_years')).json.total, 1, "with the platform's years");
  assert.equal((await staffA.get('/api/v1/registry/patents')).json.total, 0, "the patent went to its enterprise's district");
  const patents = await sys.admin.get('/api/v1/registry/patents');
  assert.equal(patents.json.items[0].region_code, B);
  const audit = await sys.admin.get('/api/v1/audit?page_size=20');
  const entry = audit.json.items.find((e) => e.action === 'registry.backfill_districts');
  assert.ok(entry, 'audited');
  const again = kechuang(['districts', 'backfill', '--db', sys.db, '--region', A]);
  assert.equal(row(again.stdout, 'platforms'), undefined, 'nothing left to place');
});
