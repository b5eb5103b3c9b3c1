// The assessment engine and the reviewer draw through the API: every worked example of
// tests/reference/assessment and tests/reference/review gives over HTTP the document the CLI
// writes for it; refused inputs are 422 naming what is wrong; a draw is for staff and audited with
// its seed and the hashes of its input and output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addUser, Client, freshSystem, kechuang } from './harness.mjs';

const REFERENCE = resolve(import.meta.dirname, '../reference');
const PASSWORD = 'Engines-Pass-2024!';
let sys;
const as = {};

before(async () => {
  sys = await freshSystem();
  for (const role of ['staff', 'viewer']) {
    addUser(sys.db, `eng-${role}`, role, PASSWORD);
    as[role] = new Client(sys.server.url);
    assert.equal((await as[role].login(`eng-${role}`, PASSWORD)).status, 200);
  }
});
after(async () => { await sys?.server.stop(); });

const post = (client, path, text) => client.request('POST', path, text, { headers: { 'content-type': 'application/json' } });

// What the CLI writes for `file` (its --output document, without a trailing newline).
function cli(args, file) {
  const out = join(mkdtempSync(join(tmpdir(), 'kc-eng-')), 'out.json');
  const r = kechuang([...args, '--input', file, '--output', out]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8').trimEnd();
}

test('every assessment example gives over the API the document the CLI writes', async () => {
  const dir = join(REFERENCE, 'assessment');
  const inputs = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.expected') && !f.includes('.invalid'));
  assert.ok(inputs.length >= 10, 'the worked examples are there');
  for (const f of inputs) {
    const text = readFileSync(join(dir, f), 'utf8');
    const r = await post(as.viewer, '/api/v1/assess', text);
    assert.equal(r.status, 200, `${f}: ${r.text.slice(0, 200)}`);
    assert.equal(r.text.trimEnd(), cli(['assess'], join(dir, f)), f);
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.invalid.json'))) {
    const r = await post(as.viewer, '/api/v1/assess', readFileSync(join(dir, f), 'utf8'));
    assert.equal(r.status, 422, f);
    assert.ok(r.json.detail.length > 0, `${f}: the refusal says why`);
  }
  assert.equal((await post(as.viewer, '/api/v1/assess', '{"scheme": ')).status, 422);
});

test('every public draw example gives over the API the panels the CLI draws, and the draw is audited', async () => {
  const dir = join(REFERENCE, 'review');
  const inputs = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.expected'));
  assert.ok(inputs.length >= 7);
  for (const f of inputs) {
    const text = readFileSync(join(dir, f), 'utf8');
    const r = await post(as.staff, '/api/v1/review/draw', text);
    assert.equal(r.status, 200, `${f}: ${r.text.slice(0, 200)}`);
    assert.equal(r.text.trimEnd(), cli(['review', 'draw'], join(dir, f)), f);
  }
  const text = readFileSync(join(dir, inputs[0]), 'utf8');
  const drawn = await post(as.staff, '/api/v1/review/draw', text);
  const audit = await sys.admin.get('/api/v1/audit?page_size=5');
  const entry = audit.json.items.find((e) => e.action === 'review.draw');
  assert.ok(entry, 'the draw is in the audit log');
  const detail = JSON.stringify(entry);
  assert.ok(detail.includes(createHash('sha256').update(text).digest('hex')), 'with the hash of its input');
  assert.ok(detail.includes(createHash('sha256').update(drawn.text).digest('hex')), 'and of its output');
  assert.ok(detail.includes(String(JSON.parse(text).seed)), 'and its seed');
});

test('a draw is for administrators and staff; a malformed one is refused naming the field', async () => {
  const text = readFileSync(join(REFERENCE, 'review', 'p1-conflict-codes.json'), 'utf8');
  const viewer = await post(as.viewer, '/api/v1/review/draw', text);
  assert.equal(viewer.status, 403);
  const bad = JSON.parse(text);
  bad.panel_size = -1;
  const refused = await post(as.staff, '/api/v1/review/draw', JSON.stringify(bad));
  assert.equal(refused.status, 422);
  assert.match(refused.json.detail, /panel_size/);
});
