// The browser tests' mock server (tests/e2e/mock-registry.mjs) serves registry kinds from a copy,
// tests/e2e/registry-kinds.json, and the routes each role may call from tests/e2e/route-roles.json
// (also the web unit tests' fixture). Those copies must say what the real server says, or the mock
// runs would test a web app against a registry or a route table that does not exist: every kind in
// it, and every key of each, equals the server's, and each role's routes are the server's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addUser, Client, freshSystem } from './harness.mjs';

const COPY = resolve(import.meta.dirname, '../e2e/registry-kinds.json');
const ROUTES_COPY = resolve(import.meta.dirname, '../e2e/route-roles.json');
let sys;
before(async () => { sys = await freshSystem(); });
after(async () => { await sys.server.stop(); });

test("the mock server's registry kinds are the server's", async () => {
  const r = await sys.admin.get('/api/v1/registry/kinds');
  assert.equal(r.status, 200);
  const served = new Map(r.json.kinds.map((k) => [k.name, k]));
  const copy = JSON.parse(readFileSync(COPY, 'utf8')).kinds;
  assert.ok(copy.length > 0);
  for (const kind of copy) {
    const real = served.get(kind.name);
    assert.ok(real, `${kind.name} is in registry-kinds.json but the server has no such kind`);
    for (const [key, value] of Object.entries(kind)) {
      assert.deepEqual(value, real[key],
        `registry-kinds.json: ${kind.name}.${key} differs from GET /api/v1/registry/kinds; copy the server's value`);
    }
  }
});

test("the mock server's routes per role are what the server's /auth/me sends", async () => {
  const copy = JSON.parse(readFileSync(ROUTES_COPY, 'utf8')).may;
  assert.deepEqual(Object.keys(copy).sort(), ['admin', 'enterprise', 'reviewer', 'staff', 'viewer']);
  const password = 'Contract-Passw0rd-2024!';
  for (const role of Object.keys(copy)) {
    let client = sys.admin;
    if (role !== 'admin') {
      addUser(sys.db, `contract-${role}`, role, password);
      client = new Client(sys.server.url);
      assert.equal((await client.login(`contract-${role}`, password)).status, 200);
    }
    const me = await client.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.deepEqual([...copy[role]].sort(), [...me.json.may].sort(),
      `route-roles.json: ${role} differs from GET /api/v1/auth/me's "may"; copy the server's list`);
  }
});
