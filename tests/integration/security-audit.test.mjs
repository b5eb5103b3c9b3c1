// Issue 9, "the audit chain has no key": with the triggers dropped, a record's actor and IP
// changed and the chain recomputed, `audit verify` must not say "intact". The chain is an
// HMAC-SHA-256 under a keyring outside the database, and signed anchors outside it catch a chain
// recomputed even with the real key, or cut short. SQLite and PostgreSQL (KC_TEST_DB).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD, BIN, Client, DB_KIND, addUser, auditKeyFile, freshSystem, kechuang, newDatabase, rawSql, startServer,
} from './harness.mjs';

const servers = [];
after(async () => { for (const s of servers) await s.stop(); });

function scratch() { return mkdtempSync(join(tmpdir(), 'kc-sec-audit-')); }

// Anchor files under test are named explicitly: PostgreSQL has no default place for them.
function anchorArgs(dir) {
  return ['--audit-anchor-file', join(dir, 'anchors'), '--audit-anchor-key-file', join(dir, 'anchor-key')];
}

function run(args, env = {}) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dropGuards(db) {
  if (DB_KIND === 'postgres') rawSql(db, 'DROP TRIGGER audit_log_no_change ON audit_log');
  else rawSql(db, 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

const COLUMNS = ['id', 'at', 'actor_id', 'actor', 'ip', 'action', 'entity', 'entity_id', 'before_json', 'after_json',
  'prev_hash', 'hash', 'key_id'];

// Every audit record as the attacker reads it, straight from the database.
function records(db) {
  const pairs = COLUMNS.map((c) => `'${c}', ${c}`).join(', ');
  const fn = DB_KIND === 'postgres' ? 'json_build_object' : 'json_object';
  return rawSql(db, `SELECT ${fn}(${pairs}) FROM audit_log ORDER BY id`).trim().split('\n').map((l) => JSON.parse(l));
}

const field = (v) => `${Buffer.byteLength(v, 'utf8')}:${v}`;
const optional = (v) => (v === null || v === undefined ? '~' : field(String(v)));

// The old code's rule, which anyone can compute.
function sha256Rule(r, prev) {
  const text = field(prev) + field(String(r.id)) + [r.at, r.actor, r.ip, r.action, r.entity, r.entity_id].map(field).join('')
    + field(r.before_json ?? 'null') + field(r.after_json ?? 'null');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// The keyed rule (src/app/audit/audit_log.cpp), for an attacker who has a key — the real one or a guess.
function hmacRule(r, prev, keyId, secret) {
  const text = field('kechuang-audit-v2') + field(prev) + field(String(r.id)) + field(r.at) + optional(r.actor_id)
    + [r.actor, r.ip, r.action, r.entity, r.entity_id].map(field).join('') + optional(r.before_json)
    + optional(r.after_json) + field(keyId);
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

const sql = (v) => (v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);

// Rewrites record `id`'s actor and IP, then recomputes it and every later record with `rule`,
// and the head row: what the reproduction did to the unkeyed chain.
function rewriteAndRecompute(db, id, rule) {
  dropGuards(db);
  const rows = records(db);
  let prev = rows[id - 2]?.hash ?? '0'.repeat(64);
  for (const r of rows.slice(id - 1)) {
    if (r.id === id) Object.assign(r, { actor: 'mallory', ip: '203.0.113.9' });
    const { hash, keyId } = rule(r, prev);
    rawSql(db, `UPDATE audit_log SET actor = ${sql(r.actor)}, ip = ${sql(r.ip)}, prev_hash = ${sql(prev)}, `
      + `hash = ${sql(hash)}, key_id = ${sql(keyId)} WHERE id = ${r.id}`);
    prev = hash;
  }
  rawSql(db, `UPDATE audit_head SET last_hash = ${sql(prev)} WHERE id = 1`);
}

// The keyring's lines (key_id:hex), as an attacker who stole the file reads them.
function stolenKeys(db) {
  return readFileSync(auditKeyFile(db), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => { const [id, hex] = l.split(':'); return { id, secret: Buffer.from(hex, 'hex') }; });
}

// A stopped system with a few audited changes; returns its --db.
async function auditedDatabase(names) {
  const sys = await freshSystem();
  servers.push(sys.server);
  for (const name of names) assert.equal((await sys.admin.post('/api/v1/users', { username: name, role: 'viewer' })).status, 201);
  await sys.server.stop();
  return sys.db;
}

test('the audit chain has no key: a record rewritten and the chain recomputed with plain SHA-256 is detected', async () => {
  // Record 1 is the CLI's admin, 2–4 the users created over HTTP.
  for (const keepKeyId of [true, false]) {
    const db = await auditedDatabase(['s-one', 's-two', 's-three']);
    assert.equal(kechuang(['audit', 'verify', '--db', db]).status, 0);
    rewriteAndRecompute(db, 2, (r, prev) => ({ hash: sha256Rule(r, prev), keyId: keepKeyId ? r.key_id : null }));
    assert.equal(records(db)[1].actor, 'mallory');
    const cli = kechuang(['audit', 'verify', '--db', db]);
    assert.equal(cli.status, 1, cli.stdout + cli.stderr);
    assert.match(cli.stdout, /TAMPERED: record 2 was edited/);
  }
});

test('a chain recomputed with a wrong key is detected, whatever key id it claims', async () => {
  const guessed = randomBytes(32);
  for (const claim of ['real', 'own']) {
    const db = await auditedDatabase(['w-one', 'w-two']);
    rewriteAndRecompute(db, 2, (r, prev) => {
      const keyId = claim === 'real' ? r.key_id : 'kmallory';
      return { hash: hmacRule(r, prev, keyId, guessed), keyId };
    });
    const cli = kechuang(['audit', 'verify', '--db', db]);
    assert.equal(cli.status, 1, cli.stdout + cli.stderr);
    if (claim === 'real') {
      assert.match(cli.stdout, /TAMPERED: record 2 was edited/);
      continue;
    }
    assert.match(cli.stdout, /record 2 names the audit key kmallory, which is not in the keyring/);
    // The web's check says the same, naming the key.
    const server = await startServer(db);
    servers.push(server);
    const admin = new Client(server.url);
    assert.equal((await admin.login('admin', ADMIN_PASSWORD)).status, 200);
    assert.deepEqual((await admin.get('/api/v1/audit/verify')).json,
      { ok: false, records: 2, first_bad_id: 2, problem: 'unknown_key', key_id: 'kmallory' });
    await server.stop();
  }
});

test('the attacker with the real key: anchors made before catch the recomputed chain and the cut-off end', async () => {
  const dir = scratch();
  const db = await auditedDatabase(['a-one', 'a-two', 'a-three', 'a-four']);
  const anchored = kechuang(['audit', 'anchor', '--db', db, ...anchorArgs(dir)]);
  assert.equal(anchored.status, 0, anchored.stderr);
  const line = JSON.parse(anchored.stdout);
  assert.equal(line.last_id, 5);
  assert.equal(line.count, 5);
  assert.equal(line.head, records(db)[4].hash);
  assert.equal(statSync(join(dir, 'anchor-key')).mode & 0o777, 0o600);
  assert.equal(readFileSync(join(dir, 'anchors'), 'utf8').trim(), anchored.stdout.trim());
  const clean = kechuang(['audit', 'verify', '--db', db, '--anchor', ...anchorArgs(dir)]);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /Anchors: 1 of 1 .* match the chain/);

  // Recomputed with the stolen key: the keyed chain alone cannot tell.
  const [key] = stolenKeys(db);
  rewriteAndRecompute(db, 3, (r, prev) => ({ hash: hmacRule(r, prev, key.id, key.secret), keyId: key.id }));
  assert.equal(kechuang(['audit', 'verify', '--db', db]).status, 0, 'the real key makes a valid chain');
  // An auditor needs only the anchors and their public key, not the signing key.
  let cli = kechuang(['audit', 'verify', '--db', db, '--anchor', join(dir, 'anchors'), '--anchor-public-key', line.signer]);
  assert.equal(cli.status, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /TAMPERED: records 1 to 5 were rewritten and the chain recomputed/);

  // Cut off the end instead (on a fresh copy of the story): the head rewound, the chain shorter.
  const db2 = await auditedDatabase(['t-one', 't-two', 't-three']);
  assert.equal(kechuang(['audit', 'anchor', '--db', db2, ...anchorArgs(dir)]).status, 0);
  dropGuards(db2);
  rawSql(db2, 'DELETE FROM audit_log WHERE id >= 3');
  rawSql(db2, 'UPDATE audit_head SET last_id = 2, last_hash = (SELECT hash FROM audit_log WHERE id = 2) WHERE id = 1');
  assert.equal(kechuang(['audit', 'verify', '--db', db2]).status, 0, 'a shorter chain is still a chain');
  // The anchor file now holds both databases' anchors; the first no longer matches db2 either.
  const lines = readFileSync(join(dir, 'anchors'), 'utf8').trim().split('\n');
  writeFileSync(join(dir, 'anchors-2'), lines[1] + '\n');
  cli = kechuang(['audit', 'verify', '--db', db2, '--anchor', join(dir, 'anchors-2'), ...anchorArgs(dir).slice(2)]);
  assert.equal(cli.status, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /TAMPERED: record 3 was deleted: records up to 4 were seen by the anchor/);

  // A forged anchor line (the recomputed head written in) fails its signature.
  const forged = { ...JSON.parse(lines[1]), head: 'f'.repeat(64) };
  writeFileSync(join(dir, 'anchors-3'), JSON.stringify(forged) + '\n');
  cli = kechuang(['audit', 'verify', '--db', db2, '--anchor', join(dir, 'anchors-3'), ...anchorArgs(dir).slice(2)]);
  assert.equal(cli.status, 1);
  assert.match(cli.stdout, /Audit anchors TAMPERED: line 1 .* has a bad signature/);
});

test('rotate-key while servers run: new writes use the new key, old records still verify', async () => {
  const db = newDatabase();
  addUser(db, 'admin', 'admin', ADMIN_PASSWORD);
  const one = await startServer(db);
  servers.push(one);
  const two = await startServer(db);
  servers.push(two);
  const viaOne = new Client(one.url);
  assert.equal((await viaOne.login('admin', ADMIN_PASSWORD)).status, 200);
  const viaTwo = new Client(two.url);
  Object.assign(viaTwo, { cookie: viaOne.cookie, csrf: viaOne.csrf });
  const created = await viaOne.post('/api/v1/users', { username: 'rotated', role: 'staff' });
  assert.equal(created.status, 201);
  const [oldKey] = stolenKeys(db);

  const rotated = kechuang(['audit', 'rotate-key', '--db', db]);
  assert.equal(rotated.status, 0, rotated.stderr);
  const newId = rotated.stdout.match(/New audit signing key (\S+);/)[1];
  assert.notEqual(newId, oldKey.id);
  assert.deepEqual(stolenKeys(db).map((k) => k.id), [oldKey.id, newId], 'the old key stays in the keyring');
  assert.equal(statSync(auditKeyFile(db)).mode & 0o777, 0o600);
  assert.doesNotMatch(rotated.stdout + rotated.stderr, new RegExp(stolenKeys(db)[1].secret.toString('hex')));

  for (const [i, client] of [viaOne, viaTwo, viaOne, viaTwo].entries()) {
    assert.equal((await client.patch(`/api/v1/users/${created.json.user.id}`, { display_name: `after-${i}` })).status, 200);
  }
  const rows = records(db);
  assert.deepEqual(rows.map((r) => r.key_id), [oldKey.id, oldKey.id, newId, newId, newId, newId, newId],
    'both running servers re-read the keyring');
  assert.equal(rows[2].action, 'audit.rotate_key');
  const cli = kechuang(['audit', 'verify', '--db', db]);
  assert.equal(cli.status, 0, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /intact: 7 records/);
  assert.deepEqual((await viaTwo.get('/api/v1/audit/verify')).json, { ok: true, records: 7 });

  // Neither the database nor the logs ever hold a secret.
  const dump = JSON.stringify(records(db)) + rawSql(db, 'SELECT * FROM audit_head');
  for (const k of stolenKeys(db)) {
    assert.ok(!dump.includes(k.secret.toString('hex')));
    assert.ok(!(one.logs() + two.logs()).includes(k.secret.toString('hex')));
  }
  assert.match(one.logs(), /"event":"audit_keys_reloaded"/);
});

test('a key file that group or others may read is refused, by every command and the server', async () => {
  const dir = scratch();
  const key = join(dir, 'audit-key');
  const db = newDatabase();
  const added = kechuang(['user', 'add', '--db', db, '--audit-key-file', key, '--name', 'admin', '--role', 'admin'], ADMIN_PASSWORD + '\n');
  assert.equal(added.status, 0, added.stderr);
  assert.equal(statSync(key).mode & 0o777, 0o600, 'created owner-only');
  chmodSync(key, 0o644);
  const cli = kechuang(['audit', 'verify', '--db', db, '--audit-key-file', key]);
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /has mode 0644: group or others may read or write it\. Run `chmod 600 .*audit-key`/);
  await assert.rejects(startServer(db, ['--audit-key-file', key]), /mode 0644/);
  chmodSync(key, 0o600);
  assert.equal(kechuang(['audit', 'verify', '--db', db, '--audit-key-file', key]).status, 0);
});

test('the keys may come from the environment; --audit-key-file wins over it', () => {
  const dir = scratch();
  const db = newDatabase();
  const hex = randomBytes(32).toString('hex');
  const env = { KECHUANG_AUDIT_KEY: `kenv:${hex}` };
  assert.equal(run(['user', 'add', '--db', db, '--name', 'envy', '--role', 'viewer'], env).status, 0);
  assert.equal(records(db)[0].key_id, 'kenv');
  assert.equal(run(['audit', 'verify', '--db', db], env).status, 0);
  // The same secret as base64 is the same key.
  const b64 = { KECHUANG_AUDIT_KEY: `kenv:${Buffer.from(hex, 'hex').toString('base64')}` };
  assert.equal(run(['audit', 'verify', '--db', db], b64).status, 0);
  const other = run(['audit', 'verify', '--db', db, '--audit-key-file', join(dir, 'other-key')], env);
  assert.equal(other.status, 1);
  assert.match(other.stdout, /record 1 names the audit key kenv, which is not in the keyring/);
  const rotate = run(['audit', 'rotate-key', '--db', db], env);
  assert.equal(rotate.status, 2);
  assert.match(rotate.stderr, /come from KECHUANG_AUDIT_KEY: rotate them there/);
});

test('where the key lives by default: beside a SQLite file; PostgreSQL must be told', () => {
  const db = newDatabase();
  const env = { KECHUANG_AUDIT_KEY_FILE: '' };
  const r = run(['user', 'add', '--db', db, '--name', 'first', '--role', 'viewer'], env);
  if (DB_KIND === 'postgres') {
    assert.equal(r.status, 2);
    assert.match(r.stderr, /A PostgreSQL database needs its audit key given explicitly/);
    assert.equal(rawSql(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'audit_log'").trim(), '0',
      'nothing was changed');
  } else {
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(`${db}.audit-key`));
    assert.equal(statSync(`${db}.audit-key`).mode & 0o777, 0o600);
  }
});

test('serve --audit-anchor-interval anchors at start and on the timer, as signed log lines too', async () => {
  const dir = scratch();
  const sys = await freshSystem(['--audit-anchor-interval', '1s', ...anchorArgs(dir)]);
  servers.push(sys.server);
  await sys.admin.post('/api/v1/users', { username: 'timed', role: 'viewer' });
  await new Promise((r) => setTimeout(r, 2500));
  await sys.server.stop();
  const lines = readFileSync(join(dir, 'anchors'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.length >= 2, `anchors: ${lines.length}`);
  assert.equal(lines.at(-1).last_id, 2, 'the latest anchor holds the user created over HTTP');
  assert.match(sys.server.logs(), /"event":"audit_anchor","anchor":\{"v":1,/);
  const cli = kechuang(['audit', 'verify', '--db', sys.db, '--anchor', ...anchorArgs(dir)]);
  assert.equal(cli.status, 0, cli.stdout + cli.stderr);
  assert.match(cli.stdout, new RegExp(`Anchors: ${lines.length} of ${lines.length}`));
  const bad = kechuang(['serve', '--db', sys.db, '--listen', '127.0.0.1:0', '--audit-anchor-interval', 'soon']);
  assert.notEqual(bad.status, 0, 'a bad interval is refused');
  assert.match(bad.stderr, /--audit-anchor-interval: expected a duration/);
});
