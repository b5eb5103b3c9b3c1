// `kechuang review draw` through the real binary on every public example of
// tests/reference/review/ (review-draw spec §5): eligibility and exclusions as worked out by hand,
// panels as full as any assignment can make them, loads, the affiliation cap, reserves, the same
// bytes on stdout as in --output and on every rerun, and malformed input refused without output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kechuang } from './harness.mjs';

const REVIEW = resolve(import.meta.dirname, '../reference/review');
const SUFFIX = '.expected-eligibility.json';
const EXAMPLES = readdirSync(REVIEW).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();

function drawTo(inputPath, dir) {
  const out = join(dir, 'out.json');
  const r = kechuang(['review', 'draw', '--input', inputPath, '--output', out]);
  return { ...r, text: existsSync(out) ? readFileSync(out, 'utf8') : null };
}

function checkAgainstExample(input, want, got) {
  const experts = new Map(input.experts.map((e) => [e.id, e]));
  assert.equal(got.assignments.length, input.applications.length);
  assert.ok(Array.isArray(got.short));
  const panels = new Map();
  let seated = 0;
  got.assignments.forEach((as, i) => {
    const w = want.applications[i];
    assert.equal(as.application, input.applications[i].id);
    assert.equal(as.application, w.application);
    assert.equal(as.eligible, w.eligible_count, as.application);
    assert.deepEqual(as.excluded, w.excluded.map(({ expert, reasons }) => ({ expert, reasons })), as.application);
    const eligible = new Set(w.eligible);
    assert.equal(new Set(as.panel).size, as.panel.length, `${as.application}: a panel member twice`);
    assert.ok(as.panel.length <= input.panel_size);
    for (const id of as.panel) assert.ok(eligible.has(id), `${as.application}: ${id} seated but not eligible`);
    const perUnit = new Map();
    for (const id of as.panel) perUnit.set(experts.get(id).affiliation, (perUnit.get(experts.get(id).affiliation) ?? 0) + 1);
    if (input.max_same_affiliation !== null)
      for (const [unit, n] of perUnit) assert.ok(n <= input.max_same_affiliation, `${as.application}: ${n} from ${unit}`);
    for (const id of as.panel) panels.set(id, (panels.get(id) ?? 0) + 1);
    seated += as.panel.length;
  });
  assert.equal(seated, want.max_seats);
  assert.equal(got.short.length === 0, want.full_panels_feasible);
  assert.equal(got.short.reduce((s, x) => s + x.missing_seats, 0), want.seats_needed - want.max_seats);
  assert.deepEqual(Object.keys(got.load).sort(), [...panels.keys()].sort());
  for (const [id, n] of panels) {
    assert.equal(got.load[id], experts.get(id).prior_load + n, id);
    assert.ok(got.load[id] <= input.max_load, `${id} over max_load`);
  }
  got.assignments.forEach((as, i) => {
    const eligible = new Set(want.applications[i].eligible);
    const hasRoom = (id) => experts.get(id).prior_load + (panels.get(id) ?? 0) < input.max_load;
    const room = want.applications[i].eligible.filter((id) => !as.panel.includes(id) && hasRoom(id)).length;
    assert.equal(as.reserves.length, Math.min(input.reserves, room), `${as.application}: reserves`);
    assert.equal(new Set(as.reserves).size, as.reserves.length);
    for (const id of as.reserves) {
      assert.ok(eligible.has(id) && !as.panel.includes(id) && hasRoom(id), `${as.application}: reserve ${id}`);
    }
  });
}

for (const name of EXAMPLES) {
  test(`review draw on ${name}: eligibility as worked out by hand, a maximum assignment, stable bytes`, () => {
    const inputPath = join(REVIEW, `${name}.json`);
    const input = JSON.parse(readFileSync(inputPath, 'utf8'));
    const want = JSON.parse(readFileSync(join(REVIEW, `${name}${SUFFIX}`), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'kc-review-'));
    const r = drawTo(inputPath, dir);
    assert.equal(r.status, 0, r.stderr);  // an infeasible draw is not an error either
    assert.equal(r.stdout, '');
    checkAgainstExample(input, want, JSON.parse(r.text));
    assert.match(r.text, new RegExp(`^\\{"seed":${input.seed},`));
    const stdout = kechuang(['review', 'draw', '--input', inputPath]);
    assert.equal(stdout.status, 0, stdout.stderr);
    assert.equal(stdout.stdout, r.text, 'standard output holds the bytes --output would');
    assert.equal(drawTo(inputPath, mkdtempSync(join(tmpdir(), 'kc-review-'))).text, r.text, 'a rerun differs');
    // Other seeds: the properties hold for each, and the panels are not always the same.
    const panelsSeen = new Set();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const seeded = join(dir, `seed-${seed}.json`);
      writeFileSync(seeded, JSON.stringify({ ...input, seed }));
      const s = drawTo(seeded, dir);
      assert.equal(s.status, 0, s.stderr);
      const got = JSON.parse(s.text);
      checkAgainstExample(input, want, got);
      panelsSeen.add(JSON.stringify(got.assignments.map((a) => [...a.panel].sort())));
    }
    assert.ok(panelsSeen.size > 1, 'eight seeds drew the same panels');
  });
}

test('review draw echoes a seed above 2^53 as the same integer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-review-seed-'));
  const text = readFileSync(join(REVIEW, `${EXAMPLES[0]}.json`), 'utf8').replace(/"seed":\s*\d+/, '"seed": 18446744073709551615');
  writeFileSync(join(dir, 'in.json'), text);
  const r = drawTo(join(dir, 'in.json'), dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.text, /^\{"seed":18446744073709551615,/);
});

test('review draw refuses malformed input naming the field and writes nothing', () => {
  const input = JSON.parse(readFileSync(join(REVIEW, `${EXAMPLES[0]}.json`), 'utf8'));
  const cases = [
    [{ ...input, panel_size: 0 }, /panel_size/],
    [{ ...input, reserves: -1 }, /reserves/],
    [{ ...input, max_load: 0 }, /max_load/],
    [{ ...input, max_same_affiliation: 0 }, /max_same_affiliation/],
    [{ ...input, as_of: '2014-13-01' }, /as_of/],
    [{ ...input, extra: true }, /extra/],
    [(({ window_years, ...rest }) => rest)(input), /window_years/],
    [{ ...input, experts: [...input.experts, input.experts[0]] }, /experts\[\d+\]\.id/],
  ];
  for (const [doc, field] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'kc-review-bad-'));
    writeFileSync(join(dir, 'in.json'), JSON.stringify(doc));
    const r = drawTo(join(dir, 'in.json'), dir);
    assert.equal(r.status, 1, `${field}: ${r.stderr}`);
    assert.match(r.stderr, field);
    assert.equal(r.text, null, 'nothing is written to --output');
  }
  const missing = kechuang(['review', 'draw', '--input', join(tmpdir(), 'kc-no-such-input.json')]);
  assert.equal(missing.status, 2);
});

test('review draw: listing experts and applications in another order draws the same panels and reserves', () => {
  for (const name of EXAMPLES) {
    const input = JSON.parse(readFileSync(join(REVIEW, `${name}.json`), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'kc-review-order-'));
    const reordered = { ...input, experts: [...input.experts].reverse(), applications: [...input.applications].reverse() };
    writeFileSync(join(dir, 'in.json'), JSON.stringify(reordered));
    const a = JSON.parse(drawTo(join(REVIEW, `${name}.json`), mkdtempSync(join(tmpdir(), 'kc-review-'))).text);
    const b = JSON.parse(drawTo(join(dir, 'in.json'), dir).text);
    const byApp = (out) => new Map(out.assignments.map((x) => [x.application, [x.panel, x.reserves]]));
    assert.deepEqual(byApp(b), byApp(a), name);
    assert.deepEqual(b.assignments.map((x) => x.application), reordered.applications.map((x) => x.id), 'input order kept');
  }
});
