// The audit log records every change with before → after, can be searched and exported, and
// `kechuang audit verify` detects an edited, deleted or inserted record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshSystem, kechuang, rawSql, DB_KIND } from './harness.mjs';

let sys;
let userId;
before(async () => {
  sys = await freshSystem();
  const created = await sys.admin.post('/api/v1/users', { username: 'audited', role: 'viewer', display_name: '审计对象' });
  userId = created.json.user.id;
  await sys.admin.patch(`/api/v1/users/${userId}`, { role: 'staff', display_name: '审计对象二' });
  await sys.admin.post(`/api/v1/users/${userId}/reset-password`);
});
after(async () => { await sys?.server.stop(); });

test('changes are recorded with actor, action and before → after', async () => {
  const r = await sys.admin.get(`/api/v1/audit?entity=user&entity_id=${userId}`);
  assert.equal(r.status, 200);
  const actions = r.json.items.map((e) => e.action);
  assert.deepEqual(actions, ['user.reset_password', 'user.update', 'user.create']);
  const update = r.json.items[1];
  assert.equal(update.actor, 'admin');
  assert.equal(update.ip, '127.0.0.1');
  assert.equal(update.before.role, 'viewer');
  assert.equal(update.after.role, 'staff');
  assert.equal(update.after.display_name, '审计对象二');
  const text = JSON.stringify(r.json);
  assert.doesNotMatch(text, /argon2|password_hash|initial_password/);
});

test('search by text and date range, and export as CSV', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const hit = await sys.admin.get(`/api/v1/audit?q=${encodeURIComponent('审计对象二')}&from=${today}&to=${today}`);
  assert.equal(hit.json.total, 1);
  const none = await sys.admin.get('/api/v1/audit?to=2000-01-01');
  assert.equal(none.json.total, 0);
  const csv = await sys.admin.get('/api/v1/audit/export?action=user.update', { raw: true });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'id,at,actor,ip,action,entity,entity_id,before,after');
  assert.equal(lines.length, 2);
  assert.match(lines[1], /user\.update/);
});

test('the chain verifies through the API and the CLI', async () => {
  const v = await sys.admin.get('/api/v1/audit/verify');
  // The CLI's creation of the admin is the first record; the export above is the fifth.
  assert.deepEqual(v.json, { ok: true, records: 5 });
  const cli = kechuang(['audit', 'verify', '--db', sys.db]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /intact: 5 records/);
});

test('the application cannot rewrite the log', () => {
  assert.throws(() => rawSql(sys.db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 1"), /append-only/);
  assert.throws(() => rawSql(sys.db, 'DELETE FROM audit_log WHERE id = 1'), /append-only/);
});

function dropGuards(db) {
  if (DB_KIND === 'postgres') rawSql(db, 'DROP TRIGGER audit_log_no_change ON audit_log');
  else rawSql(db, 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

test('an edited record is detected and named', async () => {
  const other = await freshSystem();
  try {
    for (const name of ['a-one', 'a-two', 'a-three']) await other.admin.post('/api/v1/users', { username: name, role: 'viewer' });
    await other.server.stop();
    dropGuards(other.db);
    rawSql(other.db, `UPDATE audit_log SET after_json = REPLACE(after_json, 'a-two', 'a-evil') WHERE id = 3`);
    const cli = kechuang(['audit', 'verify', '--db', other.db]);
    assert.equal(cli.status, 1);
    assert.match(cli.stdout, /record 3 was edited/);
  } finally {
    await other.server.stop();
  }
});

test('a deleted record is detected and named', async () => {
  const other = await freshSystem();
  try {
    for (const name of ['d-one', 'd-two', 'd-three']) await other.admin.post('/api/v1/users', { username: name, role: 'viewer' });
    await other.server.stop();
    dropGuards(other.db);
    rawSql(other.db, 'DELETE FROM audit_log WHERE id = 2');
    const cli = kechuang(['audit', 'verify', '--db', other.db]);
    assert.equal(cli.status, 1);
    assert.match(cli.stdout, /record 2 was deleted/);
  } finally {
    await other.server.stop();
  }
});

test('an inserted record is detected and named', async () => {
  const other = await freshSystem();
  try {
    await other.admin.post('/api/v1/users', { username: 'i-one', role: 'viewer' });
    await other.server.stop();
    rawSql(other.db, "INSERT INTO audit_log (id, at, actor, ip, action, entity, entity_id, prev_hash, hash) " +
      "SELECT id + 1, at, 'mallory', ip, 'user.delete', entity, entity_id, hash, hash FROM audit_log " +
      'WHERE id = (SELECT MAX(id) FROM audit_log)');
    const cli = kechuang(['audit', 'verify', '--db', other.db]);
    assert.equal(cli.status, 1);
    assert.match(cli.stdout, /record 3 was inserted/);
  } finally {
    await other.server.stop();
  }
});

test('the login log records successes and failures and exports', async () => {
  await fetch(`${sys.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'nope' }) });
  const failures = await sys.admin.get('/api/v1/login-log?success=false&q=admin');
  assert.ok(failures.json.items.some((e) => e.reason === 'bad_password' && e.username === 'admin'));
  const successes = await sys.admin.get('/api/v1/login-log?success=true');
  assert.ok(successes.json.items.every((e) => e.success === true && e.reason === null));
  const csv = await sys.admin.get('/api/v1/login-log/export?success=false', { raw: true });
  assert.match(csv.text, /bad_password/);
});
