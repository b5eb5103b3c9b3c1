// `kechuang assess` through the real binary on every worked example of tests/reference/assessment,
// compared as that folder's README defines; every invalid example refused with status 1, a message
// naming its node or veto, and nothing written to --output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kechuang } from './harness.mjs';

const DIR = resolve(import.meta.dirname, '../reference/assessment');
const names = (suffix) => readdirSync(DIR).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();
const read = (name) => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

function assertNumber(got, want, what) {
  if (want === null) return assert.equal(got, null, what);
  assert.equal(typeof got, 'number', `${what}: got ${got}`);
  const diff = Math.abs(got - want);
  assert.ok(diff <= 1e-9 || diff <= 1e-9 * Math.abs(want), `${what}: got ${got}, expected ${want}`);
}

const noMoves = (u) => u.next_rank == null || Object.keys(u.next_rank).length === 0;

function assertMoves(got, want, directions, unit) {
  if (noMoves(want)) return assert.ok(noMoves(got), `${unit}: a unit ranked 1 or unranked has no next_rank`);
  assert.ok(!noMoves(got), `${unit}: next_rank is missing`);
  for (const [node, w] of Object.entries(want.next_rank)) {
    const g = got.next_rank[node];
    const what = `${unit} next_rank.${node}`;
    if (w === null) { assert.equal(g, null, what); continue; }
    assert.equal(typeof g, 'number', `${what}: got ${g}`);
    const scale = Math.max(1, Math.abs(w));
    assert.ok(Math.abs(g - w) <= 1e-6 * scale, `${what}: got ${g}, expected ${w}`);
    // The side that achieves the move (1e-12 relative for the expected file's last digit).
    if (directions[node] === -1) assert.ok(g <= w + 1e-12 * scale, `${what}: ${g} is above the boundary ${w}`);
    else assert.ok(g >= w - 1e-12 * scale, `${what}: ${g} is below the boundary ${w}`);
  }
}

function assertMatches(got, want, input) {
  const directions = Object.fromEntries(input.scheme.nodes.map((n) => [n.code, n.direction ?? 1]));
  assert.equal(got.scheme, want.scheme);
  assert.deepEqual(got.units.map((u) => u.code), want.units.map((u) => u.code), 'units come in input order');
  want.units.forEach((w, i) => {
    const g = got.units[i];
    assertNumber(g.total, w.total, `${w.code} total`);
    assert.equal(g.rank, w.rank, `${w.code} rank`);
    assert.equal(g.grade, w.grade, `${w.code} grade`);
    assert.deepEqual([...g.vetoes].sort(), [...w.vetoes].sort(), `${w.code} vetoes`);
    assert.deepEqual([...g.missing].sort(), [...w.missing].sort(), `${w.code} missing`);
    for (const [code, node] of Object.entries(w.nodes)) {
      assert.ok(g.nodes[code], `${w.code} node ${code} is absent`);
      for (const field of ['value', 'score'])
        if (field in node) assertNumber(g.nodes[code][field], node[field], `${w.code} node ${code} ${field}`);
    }
    assertMoves(g, w, directions, w.code);
  });
}

test('the reference folder holds worked and invalid examples', () => {
  assert.ok(names('.expected.json').length > 0);
  assert.ok(names('.invalid.json').length > 0);
});

for (const name of names('.expected.json')) {
  test(`assess --output reproduces ${name}`, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kc-assess-')), 'out.json');
    const r = kechuang(['assess', '--input', join(DIR, `${name}.json`), '--output', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', 'nothing on standard output with --output');
    assertMatches(JSON.parse(readFileSync(out, 'utf8')), read(`${name}.expected.json`), read(`${name}.json`));
  });

  test(`assess without --output writes ${name} to standard output`, () => {
    const r = kechuang(['assess', '--input', join(DIR, `${name}.json`)]);
    assert.equal(r.status, 0, r.stderr);
    assertMatches(JSON.parse(r.stdout), read(`${name}.expected.json`), read(`${name}.json`));
  });
}

for (const name of names('.invalid.json')) {
  test(`assess refuses ${name} with status 1, naming it, writing nothing`, () => {
    const input = read(`${name}.invalid.json`);
    const out = join(mkdtempSync(join(tmpdir(), 'kc-assess-bad-')), 'out.json');
    const r = kechuang(['assess', '--input', join(DIR, `${name}.invalid.json`), '--output', out]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(existsSync(out), false, 'nothing is written to --output');
    const named = [...input.scheme.nodes, ...(input.scheme.vetoes ?? [])].map((x) => x.code);
    assert.ok(named.some((code) => r.stderr.includes(code)), `the message names nothing of the scheme: ${r.stderr}`);
  });
}

test('assess names the unit and field of a malformed value', () => {
  const input = read('target_ratio_basic.json');
  input.units[0].values[Object.keys(input.units[0].values)[0]] = 'high';
  const file = join(mkdtempSync(join(tmpdir(), 'kc-assess-bad-')), 'in.json');
  writeFileSync(file, JSON.stringify(input));
  const r = kechuang(['assess', '--input', file]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, new RegExp(input.units[0].code));
  assert.match(r.stderr, new RegExp(Object.keys(input.units[0].values)[0]));
});
