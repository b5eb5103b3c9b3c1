// Two `kechuang serve` processes on one database behave as one system: sessions, writes and
// logouts made through one are seen by the other.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, addUser, Client, newDatabase, startServer } from './harness.mjs';

const servers = [];
after(async () => { for (const s of servers) await s.stop(); });

test('a session, a write and a logout cross servers', async () => {
  const db = newDatabase();
  addUser(db, 'admin', 'admin', ADMIN_PASSWORD);
  const one = await startServer(db);
  servers.push(one);
  const two = await startServer(db);
  servers.push(two);
  assert.notEqual(one.url, two.url);

  const viaOne = new Client(one.url);
  assert.equal((await viaOne.login('admin', ADMIN_PASSWORD)).status, 200);
  // The same cookie and CSRF token against the second server.
  const viaTwo = new Client(two.url);
  viaTwo.cookie = viaOne.cookie;
  viaTwo.csrf = viaOne.csrf;
  assert.equal((await viaTwo.get('/api/v1/auth/me')).status, 200, 'session valid on the other server');

  const created = await viaOne.post('/api/v1/users', { username: 'shared', role: 'staff' });
  assert.equal(created.status, 201);
  const seen = await viaTwo.get('/api/v1/users?q=shared');
  assert.equal(seen.json.total, 1, 'write through one is read through the other');

  // Writes through both at once keep the audit chain whole.
  await Promise.all([
    ...[1, 2, 3, 4].map((i) => viaOne.patch(`/api/v1/users/${created.json.user.id}`, { display_name: `one-${i}` })),
    ...[1, 2, 3, 4].map((i) => viaTwo.patch(`/api/v1/users/${created.json.user.id}`, { display_name: `two-${i}` })),
  ]);
  const verify = await viaTwo.get('/api/v1/audit/verify');
  // user add (CLI), the create and eight renames.
  assert.deepEqual(verify.json, { ok: true, records: 10 });

  assert.equal((await viaTwo.post('/api/v1/auth/logout')).status, 204);
  assert.equal((await viaOne.get('/api/v1/auth/me')).status, 401, 'logout on one ends it on both');
});
