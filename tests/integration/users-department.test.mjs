// 单位/部门 on user accounts: set by `kechuang user add --department` and the users API, shown in
// the list, searched by `q`, checked (≤ 100 characters, one line), audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshSystem, kechuang } from './harness.mjs';

let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys?.server.stop(); });

const find = async (name) => (await sys.admin.get(`/api/v1/users?q=${encodeURIComponent(name)}`)).json.items.find((u) => u.username === name);

test('the CLI and the API set a unit or department; the list shows it and q finds it', async () => {
  const r = kechuang(['user', 'add', '--db', sys.db, '--name', 'dept-cli', '--role', 'staff', '--department', '  区科技局高新科 ']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((await find('dept-cli')).department, '区科技局高新科', 'trimmed');
  const made = await sys.admin.post('/api/v1/users', { username: 'dept-api', display_name: '李四', role: 'viewer', department: '区统计局' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.user.department, '区统计局');
  const plain = await sys.admin.post('/api/v1/users', { username: 'dept-none', display_name: '王五', role: 'viewer' });
  assert.equal(plain.json.user.department, '', 'none given: empty');
  const byUnit = await sys.admin.get(`/api/v1/users?q=${encodeURIComponent('高新科')}`);
  assert.deepEqual(byUnit.json.items.map((u) => u.username), ['dept-cli']);
  assert.equal(byUnit.json.total, 1);
});

test('PATCH changes and clears it; the audit log records before and after', async () => {
  const id = (await find('dept-api')).id;
  const changed = await sys.admin.patch(`/api/v1/users/${id}`, { department: '区发改局' });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.json.user.department, '区发改局');
  const renamed = await sys.admin.patch(`/api/v1/users/${id}`, { display_name: '李四四' });
  assert.equal(renamed.json.user.department, '区发改局', 'absent: kept');
  const cleared = await sys.admin.patch(`/api/v1/users/${id}`, { department: '' });
  assert.equal(cleared.json.user.department, '');
  const log = await sys.admin.get(`/api/v1/audit?entity=user&entity_id=${id}&action=user.update&page_size=50`);
  const first = log.json.items.find((e) => e.after.department === '区发改局' && e.before.department === '区统计局');
  assert.ok(first, JSON.stringify(log.json.items.map((e) => [e.before?.department, e.after?.department])));
});

test('a unit longer than 100 characters or on two lines is a field error in both languages', async () => {
  const long = await sys.admin.post('/api/v1/users', { username: 'dept-long', display_name: 'x', role: 'viewer', department: '长'.repeat(101) });
  assert.equal(long.status, 422);
  assert.equal(long.json.errors[0].field, 'department');
  assert.match(long.json.errors[0].message, /最多 100 个字符 \/ must be at most 100 characters/);
  const exact = await sys.admin.post('/api/v1/users', { username: 'dept-100', display_name: 'x', role: 'viewer', department: '长'.repeat(100) });
  assert.equal(exact.status, 201, exact.text);
  const id = exact.json.user.id;
  const twoLines = await sys.admin.patch(`/api/v1/users/${id}`, { department: '甲\n乙' });
  assert.equal(twoLines.status, 422);
  assert.equal(twoLines.json.errors[0].field, 'department');
  assert.equal((await sys.admin.patch(`/api/v1/users/${id}`, { department: 5 })).status, 422);
  const cli = kechuang(['user', 'add', '--db', sys.db, '--name', 'dept-cli-long', '--role', 'staff', '--department', '长'.repeat(101)]);
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /department/);
});
