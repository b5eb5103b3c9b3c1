// Security review, password and account rules (issue 9): common passwords and the account's own
// name refused, admin-set passwords that must be changed, usernames unique regardless of case
// (migration 8, which names existing duplicates), and enterprise_id checked. Runs on SQLite and
// PostgreSQL through the harness.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, creditCode, freshSystem, kechuang, newDatabase, rawSql } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

const signIn = async (username, password) => {
  const c = new Client(sys.server.url);
  const r = await c.login(username, password);
  assert.equal(r.status, 200, r.text);
  return { c, user: r.json.user };
};

// Creates a viewer whose password need not be changed (as automation would) and signs it in.
async function signedInViewer(username, password) {
  const add = kechuang(['user', 'add', '--db', sys.db, '--name', username, '--role', 'viewer', '--no-password-change'], `${password}\n`);
  assert.equal(add.status, 0, add.stderr);
  return (await signIn(username, password)).c;
}

test('low: the password policy accepts Password123, Qwerty12345, Admin@12345 — common passwords are refused, also with digits or symbols appended', async () => {
  for (const password of ['Password123', 'Qwerty12345', 'Admin@12345', 'Password123!', 'QWERTY-2024!']) {
    const r = await sys.admin.post('/api/v1/users', { username: 'common-try', role: 'viewer', password });
    assert.equal(r.status, 422, `${password}: ${r.text}`);
    assert.equal(r.json.code, 'password_common', password);
    assert.equal(r.json.errors[0].field, 'password');
  }
  const cli = kechuang(['user', 'add', '--db', sys.db, '--name', 'common-cli', '--role', 'viewer'], 'Admin@12345\n');
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /password_common/);

  const c = await signedInViewer('common-self', 'Orchard-Kite-2024!');
  const change = await c.post('/api/v1/auth/password', { current_password: 'Orchard-Kite-2024!', new_password: 'Password123!' });
  assert.equal(change.status, 422, change.text);
  assert.equal(change.json.code, 'password_common');
  assert.equal(change.json.errors[0].field, 'new_password');
  // Nothing created, nothing changed.
  assert.equal((await sys.admin.get('/api/v1/users?q=common-try')).json.total, 0);
  assert.equal((await new Client(sys.server.url).login('common-self', 'Orchard-Kite-2024!')).status, 200);
});

test('low: a password containing the user\'s own name is accepted — refused on create and on /auth/password', async () => {
  const own = await sys.admin.post('/api/v1/users', { username: 'liwei', role: 'staff', password: 'LiWei-Orchard-2024' });
  assert.equal(own.status, 422, own.text);
  assert.equal(own.json.code, 'password_contains_name');
  assert.equal(own.json.errors[0].field, 'password');
  const display = await sys.admin.post('/api/v1/users', { username: 'lw01', display_name: 'Wangfang', role: 'staff', password: 'Kite-wangfang-2024' });
  assert.equal(display.status, 422, display.text);
  assert.equal(display.json.code, 'password_contains_name');

  const c = await signedInViewer('zhaolei', 'Orchard-Kite-2024!');
  const change = await c.post('/api/v1/auth/password', { current_password: 'Orchard-Kite-2024!', new_password: 'My-ZHAOLEI-2025!' });
  assert.equal(change.status, 422, change.text);
  assert.equal(change.json.code, 'password_contains_name');
  const fine = await c.post('/api/v1/auth/password', { current_password: 'Orchard-Kite-2024!', new_password: 'River-Lamp-2025!' });
  assert.equal(fine.status, 204, fine.text);
});

test('low: passwords set by an admin need no change — POST /users, reset, user add and user reset-password all mark the account must-change', async () => {
  const created = await sys.admin.post('/api/v1/users', { username: 'given-pw', role: 'staff', password: 'Orchard-Kite-2024!' });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.user.must_change_password, true);
  assert.equal(created.json.initial_password, undefined, 'the admin chose it; it is not echoed');
  const { c, user } = await signIn('given-pw', 'Orchard-Kite-2024!');
  assert.equal(user.must_change_password, true);
  const blocked = await c.get('/api/v1/registry/kinds');
  assert.equal(blocked.status, 403);
  assert.equal(blocked.json.code, 'password_change_required');
  assert.equal((await c.post('/api/v1/auth/password', { current_password: 'Orchard-Kite-2024!', new_password: 'River-Lamp-2025!' })).status, 204);
  assert.equal((await c.get('/api/v1/registry/kinds')).status, 200, 'after the change the account works');

  // An administrator's reset: must be changed again.
  const reset = await sys.admin.post(`/api/v1/users/${created.json.user.id}/reset-password`);
  assert.equal(reset.status, 200, reset.text);
  assert.equal((await signIn('given-pw', reset.json.initial_password)).user.must_change_password, true);

  // The CLI: a password on standard input must be changed, unless --no-password-change.
  const add = kechuang(['user', 'add', '--db', sys.db, '--name', 'cli-given', '--role', 'viewer'], 'Orchard-Kite-2024!\n');
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /must be changed at first sign-in/);
  assert.equal((await signIn('cli-given', 'Orchard-Kite-2024!')).user.must_change_password, true);
  const automated = kechuang(['user', 'add', '--db', sys.db, '--name', 'cli-bot', '--role', 'viewer', '--no-password-change'], 'Orchard-Kite-2024!\n');
  assert.equal(automated.status, 0, automated.stderr);
  assert.equal((await signIn('cli-bot', 'Orchard-Kite-2024!')).user.must_change_password, false);
  const cliReset = kechuang(['user', 'reset-password', '--db', sys.db, '--name', 'cli-bot']);
  assert.equal(cliReset.status, 0, cliReset.stderr);
  const fresh = cliReset.stdout.match(/New password for cli-bot: (\S+)/)[1];
  assert.equal((await signIn('cli-bot', fresh)).user.must_change_password, true);
});

test('low: SEC_ADMIN can be created beside sec_admin — usernames are unique regardless of case (409 username_taken)', async () => {
  const first = await sys.admin.post('/api/v1/users', { username: 'sec_admin', role: 'admin' });
  assert.equal(first.status, 201, first.text);
  for (const username of ['SEC_ADMIN', 'Sec_Admin', 'sec_admin']) {
    const r = await sys.admin.post('/api/v1/users', { username, role: 'admin' });
    assert.equal(r.status, 409, `${username}: ${r.text}`);
    assert.equal(r.json.code, 'username_taken');
    assert.equal(r.json.errors[0].field, 'username');
  }
  const cli = kechuang(['user', 'add', '--db', sys.db, '--name', 'SEC_ADMIN', '--role', 'viewer'], '');
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /username_taken/);
  assert.equal((await sys.admin.get('/api/v1/users?q=sec_admin')).json.total, 1);
  // Sign-in matches the name exactly, as before: the other spelling is an unknown user.
  const other = await new Client(sys.server.url).login('SEC_ADMIN', first.json.initial_password);
  assert.equal(other.status, 401);
  assert.equal((await new Client(sys.server.url).login('sec_admin', first.json.initial_password)).status, 200);
});

test('low: usernames unique case-insensitively — migration 8 refuses existing case duplicates, naming them, and applies once they are renamed', () => {
  const db = newDatabase();
  assert.equal(kechuang(['migrate', '--db', db]).status, 0);
  // A database from before migration 8, with two spellings of one name.
  rawSql(db, 'DROP INDEX users_username_lower');
  rawSql(db, 'DELETE FROM schema_migrations WHERE version >= 8');
  rawSql(db, 'ALTER TABLE users DROP COLUMN region_code'); // added by migration 9
  for (const table of ['local_programmes', 'index_definitions']) { // and by migration 10
    rawSql(db, `DROP INDEX ${table}_region`);
    rawSql(db, `ALTER TABLE ${table} DROP COLUMN region_code`);
  }
  for (const table of ['indicator_definitions', 'installation_settings', 'indicator_targets']) rawSql(db, `DROP TABLE ${table}`); // by 11
  rawSql(db, 'DROP TABLE notice_reads'); // and by migration 13
  rawSql(db, 'DROP TABLE notices');
  rawSql(db, 'ALTER TABLE users DROP COLUMN department');
  for (const name of ['ops', 'OPS', 'Ops', 'solo']) {
    rawSql(db, `INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES ('${name}', 'viewer', 'x', 't', 't')`);
  }
  const refused = kechuang(['migrate', '--db', db]);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /migration 8/);
  assert.match(refused.stderr, /ops \(id \d+\), OPS \(id \d+\), Ops \(id \d+\)/);
  assert.doesNotMatch(refused.stderr, /solo/);
  assert.equal(rawSql(db, 'SELECT COUNT(*) FROM schema_migrations WHERE version = 8').trim(), '0', 'nothing applied');
  const start = kechuang(['user', 'add', '--db', db, '--name', 'x-user', '--role', 'viewer']);
  assert.notEqual(start.status, 0, 'no command runs on the half-migrated database');

  rawSql(db, "UPDATE users SET username = 'ops-2' WHERE username = 'OPS'");
  rawSql(db, "UPDATE users SET username = 'ops-3' WHERE username = 'Ops'");
  const applied = kechuang(['migrate', '--db', db]);
  assert.equal(applied.status, 0, applied.stderr);
  assert.equal(rawSql(db, 'SELECT COUNT(*) FROM schema_migrations WHERE version = 8').trim(), '1');
  assert.throws(() => rawSql(db, "INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES ('OPS', 'viewer', 'x', 't', 't')"),
    'the index now refuses another spelling');
});

test('low: enterprise_id unvalidated (999999 accepted, also on admin accounts) — it must name an enterprise, and only on enterprise accounts', async () => {
  const firm = await sys.admin.post('/api/v1/registry/enterprises', { credit_code: creditCode(9101), name: '账户校验科技' });
  assert.equal(firm.status, 201, firm.text);

  const missing = await sys.admin.post('/api/v1/users', { username: 'ent-missing', role: 'enterprise', enterprise_id: 999999 });
  assert.equal(missing.status, 422, missing.text);
  assert.equal(missing.json.code, 'enterprise_not_found');
  assert.equal(missing.json.errors[0].field, 'enterprise_id');
  const onAdmin = await sys.admin.post('/api/v1/users', { username: 'admin-with-firm', role: 'admin', enterprise_id: firm.json.id });
  assert.equal(onAdmin.status, 422, onAdmin.text);
  assert.equal(onAdmin.json.code, 'enterprise_id_not_allowed');

  const ok = await sys.admin.post('/api/v1/users', { username: 'ent-ok', role: 'enterprise', enterprise_id: firm.json.id });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.user.enterprise_id, firm.json.id);
  const id = ok.json.user.id;
  const toStaff = await sys.admin.patch(`/api/v1/users/${id}`, { role: 'staff' });
  assert.equal(toStaff.status, 422, toStaff.text);
  assert.equal(toStaff.json.code, 'enterprise_id_not_allowed');
  const toMissing = await sys.admin.patch(`/api/v1/users/${id}`, { enterprise_id: 999999 });
  assert.equal(toMissing.status, 422, toMissing.text);
  assert.equal(toMissing.json.code, 'enterprise_not_found');
  const cleared = await sys.admin.patch(`/api/v1/users/${id}`, { role: 'staff', enterprise_id: null });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal(cleared.json.user.enterprise_id, null);
  assert.equal(cleared.json.user.role, 'staff');

  const cliMissing = kechuang(['user', 'add', '--db', sys.db, '--name', 'ent-cli', '--role', 'enterprise', '--enterprise', '999999']);
  assert.equal(cliMissing.status, 1);
  assert.match(cliMissing.stderr, /enterprise_not_found/);
  const cliAdmin = kechuang(['user', 'add', '--db', sys.db, '--name', 'ent-cli', '--role', 'viewer', '--enterprise', String(firm.json.id)]);
  assert.equal(cliAdmin.status, 1);
  assert.match(cliAdmin.stderr, /enterprise_id_not_allowed/);
  const cliOk = kechuang(['user', 'add', '--db', sys.db, '--name', 'ent-cli', '--role', 'enterprise', '--enterprise', String(firm.json.id)]);
  assert.equal(cliOk.status, 0, cliOk.stderr);
});
