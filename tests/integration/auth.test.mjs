// Sign-in, sessions, CSRF, lockout, throttling, expiry and password rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PASSWORD, addUser, Client, freshSystem, kechuang, rawSql, startServer } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

test('login sets an HttpOnly SameSite=Strict cookie and returns the user and a CSRF token', async () => {
  const c = new Client(sys.server.url);
  const res = await fetch(`${sys.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /kc_session=[A-Za-z0-9_-]{20,}/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/);
  const body = await res.json();
  assert.equal(body.user.username, 'admin');
  assert.equal(body.user.role, 'admin');
  assert.ok(body.csrf_token.length >= 20);
  assert.equal(body.user.password_hash, undefined);
  await c.login('admin', ADMIN_PASSWORD);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.csrf_token, c.csrf);
});

test('a state-changing request without the CSRF token is 403, with a wrong one too', async () => {
  const c = new Client(sys.server.url);
  await c.login('admin', ADMIN_PASSWORD);
  const missing = await c.post('/api/v1/users', { username: 'csrf-victim', role: 'viewer' }, { headers: { 'X-CSRF-Token': '' } });
  assert.equal(missing.status, 403);
  assert.equal(missing.json.code, 'csrf');
  const wrong = await c.post('/api/v1/users', { username: 'csrf-victim', role: 'viewer' }, { headers: { 'X-CSRF-Token': 'forged' } });
  assert.equal(wrong.status, 403);
  const list = await c.get('/api/v1/users?q=csrf-victim');
  assert.equal(list.json.total, 0, 'nothing was created');
});

test('wrong password is 401 and logged; unknown user looks the same', async () => {
  const c = new Client(sys.server.url);
  const wrong = await c.login('admin', 'not-the-password');
  const unknown = await c.login('ghost', 'not-the-password');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.json.detail, unknown.json.detail);
  const log = await sys.admin.get('/api/v1/login-log?success=false');
  const reasons = log.json.items.map((e) => e.reason);
  assert.ok(reasons.includes('bad_password'));
  assert.ok(reasons.includes('unknown_user'));
});

test('five failed logins lock the account for 15 minutes', async () => {
  addUser(sys.db, 'locky', 'staff', 'Lockout-Test-2024!');
  const c = new Client(sys.server.url);
  for (let i = 0; i < 4; i++) assert.equal((await c.login('locky', 'bad-password')).status, 401);
  // The lock is not announced (that would tell which usernames exist): the same 401 as before.
  const fifth = await c.login('locky', 'bad-password');
  assert.equal(fifth.status, 401);
  const correct = await c.login('locky', 'Lockout-Test-2024!');
  assert.equal(correct.status, 401, 'even the right password is refused while locked');
  const users = await sys.admin.get('/api/v1/users?q=locky');
  assert.ok(users.json.items[0].locked_until);
  // An admin's password reset unlocks it.
  const reset = await sys.admin.post(`/api/v1/users/${users.json.items[0].id}/reset-password`);
  assert.equal(reset.status, 200);
  const again = await c.login('locky', reset.json.initial_password);
  assert.equal(again.status, 200);
  assert.equal(again.json.user.must_change_password, true);
});

test('failures from one address are throttled', async () => {
  const other = await freshSystem();
  try {
    const c = new Client(other.server.url);
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await c.login(`nobody${i}`, 'x')).status);
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
    assert.equal(statuses[20], 429);
    // Even the admin's right password is refused from that address for now.
    assert.equal((await new Client(other.server.url).login('admin', ADMIN_PASSWORD)).status, 429);
  } finally {
    await other.server.stop();
  }
});

test('logout ends the session', async () => {
  const c = new Client(sys.server.url);
  await c.login('admin', ADMIN_PASSWORD);
  const cookie = c.cookie;
  assert.equal((await c.post('/api/v1/auth/logout')).status, 204);
  c.cookie = cookie;  // replaying the old cookie does not work
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('sessions expire after the idle timeout', async () => {
  const short = await freshSystem(['--session-idle', '2']);
  try {
    assert.equal((await short.admin.get('/api/v1/auth/me')).status, 200);
    await sleep(3100);
    const r = await short.admin.get('/api/v1/auth/me');
    assert.equal(r.status, 401);
    assert.match(r.json.detail, /expired/);
  } finally {
    await short.server.stop();
  }
});

test('sessions end at the absolute limit even when active', async () => {
  const short = await freshSystem(['--session-max', '3']);
  try {
    for (let i = 0; i < 2; i++) {
      assert.equal((await short.admin.get('/api/v1/auth/me')).status, 200);
      await sleep(1200);
    }
    await sleep(1000);
    assert.equal((await short.admin.get('/api/v1/auth/me')).status, 401);
  } finally {
    await short.server.stop();
  }
});

test('a generated password must be changed before anything else, under the policy', async () => {
  const created = await sys.admin.post('/api/v1/users', { username: 'newbie', role: 'staff', display_name: '新同事' });
  assert.equal(created.status, 201);
  const initial = created.json.initial_password;
  assert.ok(initial.length >= 10);
  const c = new Client(sys.server.url);
  const login = await c.login('newbie', initial);
  assert.equal(login.json.user.must_change_password, true);
  const blocked = await c.get('/api/v1/users');
  assert.equal(blocked.status, 403);
  assert.ok(['password_change_required', 'forbidden'].includes(blocked.json.code));
  assert.equal((await c.get('/api/v1/auth/me')).status, 200);
  const weak = await c.post('/api/v1/auth/password', { current_password: initial, new_password: 'short' });
  assert.equal(weak.status, 422);
  assert.ok(weak.json.errors.every((e) => e.field === 'new_password'));
  const twoClasses = await c.post('/api/v1/auth/password', { current_password: initial, new_password: 'alllowercase123' });
  assert.equal(twoClasses.status, 422);
  const ok = await c.post('/api/v1/auth/password', { current_password: initial, new_password: 'Strong-Enough-2024' });
  assert.equal(ok.status, 204);
  const me = await c.get('/api/v1/auth/me');
  assert.equal(me.json.user.must_change_password, false);
  assert.equal((await new Client(sys.server.url).login('newbie', 'Strong-Enough-2024')).status, 200);
});

test('passwords are stored as argon2id hashes', () => {
  const hash = rawSql(sys.db, "SELECT password_hash FROM users WHERE username = 'admin'").trim();
  assert.match(hash, /^\$argon2id\$/);
});

test('a disabled user cannot sign in and loses its sessions', async () => {
  addUser(sys.db, 'leaver', 'viewer', 'Leaving-Test-2024!');
  const c = new Client(sys.server.url);
  await c.login('leaver', 'Leaving-Test-2024!');
  const id = (await sys.admin.get('/api/v1/users?q=leaver')).json.items[0].id;
  assert.equal((await sys.admin.patch(`/api/v1/users/${id}`, { disabled: true })).status, 200);
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
  assert.equal((await new Client(sys.server.url).login('leaver', 'Leaving-Test-2024!')).status, 403);
});

test('the last enabled admin cannot be disabled or demoted', async () => {
  const me = await sys.admin.get('/api/v1/auth/me');
  const r = await sys.admin.patch(`/api/v1/users/${me.json.user.id}`, { role: 'viewer' });
  assert.equal(r.status, 409);
  assert.equal((await sys.admin.get('/api/v1/auth/me')).json.user.role, 'admin');
});

test('user add refuses a weak password and a bad role with a clear message', () => {
  const weak = kechuang(['user', 'add', '--db', sys.db, '--name', 'weakling', '--role', 'staff'], 'abc\n');
  assert.notEqual(weak.status, 0);
  assert.match(weak.stderr, /at least 10 characters/);
  const role = kechuang(['user', 'add', '--db', sys.db, '--name', 'kingly', '--role', 'king'], 'Good-Pass-2024!\n');
  assert.notEqual(role.status, 0);
  assert.match(role.stderr, /role/);
});

test('user add without a password generates one that must be changed', () => {
  const r = kechuang(['user', 'add', '--db', sys.db, '--name', 'generated', '--role', 'viewer'], '');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Initial password: \S{10,}/);
});

test('an admin can end all sessions of a user', async () => {
  addUser(sys.db, 'kicked', 'staff', 'Kick-Out-Test-2024!');
  const c = new Client(sys.server.url);
  await c.login('kicked', 'Kick-Out-Test-2024!');
  const id = (await sys.admin.get('/api/v1/users?q=kicked')).json.items[0].id;
  assert.equal((await sys.admin.del(`/api/v1/users/${id}/sessions`)).status, 204);
  assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('a new database bootstraps an admin whose password is printed once', async () => {
  const { newDatabase } = await import('./harness.mjs');
  const db = newDatabase();
  const server = await startServer(db);
  try {
    const m = server.stdout().match(/password: (\S+)/);
    assert.ok(m, server.stdout());
    const c = new Client(server.url);
    const r = await c.login('admin', m[1]);
    assert.equal(r.status, 200);
    assert.equal(r.json.user.must_change_password, true);
  } finally {
    await server.stop();
  }
  const again = await startServer(db);
  try {
    assert.doesNotMatch(again.stdout(), /password:/);
  } finally {
    await again.stop();
  }
});
