// Security review, long imports and a full disk: a write locked out by a running import is told
// which import and when to retry, /health reports the import and a degraded database, and a
// failed write on a full (or read-only) database answers its own problem instead of a bare 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, DB_KIND, ADMIN_PASSWORD, Client, creditCode, freshSystem, kechuang, rawSql, startServer } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const csv = (rows) => rows.map((r) => r.join(',')).join('\n') + '\n';

// `kechuang import` in the background; resolves {status, stderr} when it exits.
function startImport(args) {
  const proc = spawn(BIN, ['import', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  proc.stdout.on('data', (d) => { stdout += d; });
  const done = new Promise((r) => proc.on('exit', (code, signal) => r({ status: code, signal, stderr, stdout })));
  return { proc, done, stderr: () => stderr };
}

// Polls /health until `ok(body)` or the import exits; returns the last body.
async function healthUntil(client, ok, exited, limitMs = 60000) {
  const started = Date.now();
  let body = null;
  while (Date.now() - started < limitMs) {
    const r = await client.get('/api/v1/health');
    body = { httpStatus: r.status, ...r.json };
    if (ok(body) || exited()) return body;
    await sleep(20);
  }
  return body;
}

// An update import: the first two rows change existing records (so on PostgreSQL the import holds
// the audit chain's head row from its first row), the rest are new enterprises.
function importFile(dir, existing, rows) {
  const lines = ['credit_code,name'];
  for (const e of existing) lines.push(`${e.credit_code},${e.name}（更名）`);
  for (let i = 0; i < rows; i++) lines.push(`${creditCode(200000 + i)},导入企业${i}`);
  const path = join(dir, 'enterprises-big.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const ROWS = 150000;

test('med: a CLI import longer than 10 s locks out web writes — a blocked write is told which import (kind, file, who, since) with Retry-After, /health reports it, progress is printed, a killed import blocks nobody', async () => {
  const { db, server, admin } = await freshSystem();
  try {
    const made = [];
    for (const [serial, name] of [[9001, '甲企业'], [9002, '乙企业'], [9003, '丙企业']]) {
      const r = await admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(serial), name });
      assert.equal(r.status, 201, r.text);
      made.push(r.json);
    }
    const [first, held, target] = made;
    const dir = mkdtempSync(join(tmpdir(), 'kc-sec-import-'));
    const file = importFile(dir, [first, held], ROWS);

    const idle = await admin.get('/api/v1/health');
    assert.equal(idle.status, 200);
    assert.equal(idle.json.status, 'ok');
    assert.deepEqual(idle.json.imports, []);

    // On PostgreSQL the import is held on the second row (a row lock the test takes), while it
    // already holds the audit head: the web write then meets the import's lock for certain.
    let psql = null;
    if (DB_KIND === 'postgres') {
      psql = spawn(join(process.env.KC_PG_BIN, 'psql'), [db, '-qAt', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      psql.stdout.on('data', (d) => { out += d; });
      psql.stdin.write(`BEGIN; SELECT 'locked' FROM reg_enterprises WHERE id = ${held.id} FOR UPDATE;\n`);
      for (let i = 0; i < 500 && !out.includes('locked'); i++) await sleep(10);
      assert.match(out, /locked/);
    }

    const run = startImport(['--db', db, 'enterprises', file, '--update']);
    let exited = false;
    run.done.then(() => { exited = true; });
    const busy = await healthUntil(admin, (b) => (b.imports ?? []).length > 0, () => exited);
    assert.equal(busy.httpStatus, 200, 'an import is no outage: /health stays 200');
    assert.equal(busy.status, 'busy');
    assert.equal(busy.database, 'ok');
    assert.equal(busy.imports.length, 1, JSON.stringify(busy));
    assert.equal(busy.imports[0].kind, 'enterprises');
    assert.match(busy.imports[0].since, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(typeof busy.imports[0].rows_done, 'number');
    assert.equal(busy.imports[0].actor, undefined, '/health is public: no names of people');

    const blocked = await admin.patch(`/api/v1/registry/enterprises/${target.id}`, { name: '丙企业改名' });
    assert.equal(blocked.status, 503, blocked.text);
    assert.equal(blocked.json.code, 'import_in_progress');
    assert.match(blocked.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(blocked.json.detail, /enterprises/);
    assert.match(blocked.json.detail, /enterprises-big\.csv/);
    assert.match(blocked.json.detail, /\bcli\b/);
    assert.match(blocked.json.detail, new RegExp(busy.imports[0].since));

    if (psql) {
      psql.stdin.end('COMMIT;\n');
      await new Promise((r) => psql.on('exit', r));
    }
    const result = await run.done;
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.match(result.stdout, new RegExp(`Imported: ${ROWS} new, 2 updated`));
    assert.match(result.stderr, /import enterprises: 100000 rows read in [\d.]+ s/, 'progress lines on standard error');

    const after = await admin.get('/api/v1/health');
    assert.equal(after.json.status, 'ok');
    assert.deepEqual(after.json.imports, []);
    const saved = await admin.patch(`/api/v1/registry/enterprises/${target.id}`, { name: '丙企业改名' });
    assert.equal(saved.status, 200, saved.text);

    // A killed import leaves its row behind; it is ignored at once (its process is gone) and
    // blocks nobody.
    const file2 = join(dir, 'enterprises-again.csv');
    const lines = ['credit_code,name', `${first.credit_code},再改名`];
    for (let i = 0; i < ROWS; i++) lines.push(`${creditCode(600000 + i)},再导入${i}`);
    writeFileSync(file2, lines.join('\n') + '\n');
    const doomed = startImport(['--db', db, 'enterprises', file2, '--update']);
    let doomedExited = false;
    doomed.done.then(() => { doomedExited = true; });
    const seen = await healthUntil(admin, (b) => (b.imports ?? []).length > 0, () => doomedExited);
    assert.equal(seen.imports.length, 1, 'the second import was seen running');
    doomed.proc.kill('SIGKILL');
    const killed = await doomed.done;
    assert.equal(killed.signal, 'SIGKILL');
    const clear = await healthUntil(admin, (b) => (b.imports ?? []).length === 0, () => false, 10000);
    assert.deepEqual(clear.imports, []);
    assert.equal(clear.status, 'ok');
    const later = await admin.patch(`/api/v1/registry/enterprises/${target.id}`, { name: '丙企业又改名' });
    assert.equal(later.status, 200, later.text);
  } finally {
    await server.stop();
  }
});

test('also: a disk-full write answers a generic 500 while /health says ok — the write gets its own problem and /health says the database is degraded and why; a failed import gives its WAL back', async () => {
  if (DB_KIND === 'postgres') {
    // PostgreSQL: a real full disk cannot be made here; a read-only database can, and goes
    // through the same path (SQLSTATE → DbError kind → problem, alarm → /health). The disk_full
    // mapping (53100) is covered by the store unit tests.
    const { db, server, admin } = await freshSystem();
    try {
      const name = new URL(db).pathname.slice(1);
      rawSql(db, `ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      rawSql(db, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      let r;
      for (let i = 0; i < 20; i++) {
        r = await admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9101), name: '只读企业' });
        if (r.json?.code !== 'unavailable') break;  // the pool's broken connections are dropped one by one
      }
      assert.equal(r.status, 503, r.text);
      assert.equal(r.json.code, 'storage_read_only');
      assert.match(r.json.detail, /nothing was saved/);
      const health = await admin.get('/api/v1/health');
      assert.equal(health.status, 503);
      assert.equal(health.json.status, 'degraded');
      assert.equal(health.json.database, 'read_only');
    } finally {
      await server.stop();
    }
    return;
  }
  // SQLite: an operator's size quota (KECHUANG_SQLITE_MAX_PAGES) makes the file full for real.
  const { db, server: first } = await freshSystem();
  await first.stop();
  const pages = Number(rawSql(db, 'PRAGMA page_count').trim());
  process.env.KECHUANG_SQLITE_MAX_PAGES = String(pages + 60);
  let server;
  try {
    server = await startServer(db);
  } finally {
    delete process.env.KECHUANG_SQLITE_MAX_PAGES;
  }
  try {
    const admin = new Client(server.url);
    assert.equal((await admin.login('admin', ADMIN_PASSWORD)).status, 200);
    const small = await admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9201), name: '小企业' });
    assert.equal(small.status, 201, 'there is room for a small write');
    assert.equal((await admin.get('/api/v1/health')).json.database, 'ok');

    const lines = ['credit_code,name,contact_person'];
    for (let i = 0; i < 20000; i++) lines.push(`${creditCode(300000 + i)},满盘企业${i},联系人${'x'.repeat(40)}`);
    const big = await admin.request('POST', '/api/v1/registry/enterprises/import', lines.join('\n') + '\n',
      { headers: { 'content-type': 'text/csv' } });
    assert.equal(big.status, 507, big.text);
    assert.equal(big.json.code, 'storage_full');
    assert.match(big.json.detail, /no room/);
    assert.match(big.json.detail, /nothing was saved/);

    const health = await admin.get('/api/v1/health');
    assert.equal(health.status, 503);
    assert.equal(health.json.status, 'degraded');
    assert.equal(health.json.database, 'disk_full');
    assert.match(health.json.database_since, /^\d{4}-\d\d-\d\dT/);

    // The rolled-back import's pages do not stay in the WAL until a restart.
    const wal = db + '-wal';
    const walBytes = existsSync(wal) ? statSync(wal).size : 0;
    assert.ok(walBytes < 1 << 20, `the WAL was given back after the failed import (${walBytes} bytes)`);
    assert.equal((await admin.get('/api/v1/registry/enterprises')).json.total, 1, 'nothing of the import was saved');
  } finally {
    await server.stop();
  }

  // The CLI says so too, and leaves nothing half-written.
  const dir = mkdtempSync(join(tmpdir(), 'kc-sec-full-'));
  const path = join(dir, 'e.csv');
  const rows = [['credit_code', 'name']];
  for (let i = 0; i < 20000; i++) rows.push([creditCode(400000 + i), `满盘${i}`]);
  writeFileSync(path, csv(rows));
  process.env.KECHUANG_SQLITE_MAX_PAGES = String(pages + 60);
  let r;
  try {
    r = kechuang(['import', '--db', db, 'enterprises', path]);
  } finally {
    delete process.env.KECHUANG_SQLITE_MAX_PAGES;
  }
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /the database is full/);
  assert.match(r.stderr, /nothing was imported/);
  assert.equal(rawSql(db, 'SELECT COUNT(*) FROM reg_enterprises').trim(), '1');
});
