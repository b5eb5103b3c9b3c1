// Security review, the index studio's converters and analyses (issue 9): a sheet that pads to
// billions of cells, a CSV row of 20,000 fields and an over-cap registry workbook are refused
// with their limit before they cost memory; heavy analyses stop at the time budget and refuse
// what could never finish. The workbooks are built here by a small zip writer, so every byte the
// server is sent is visible in this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { addUser, Client, freshSystems } from './harness.mjs';

const PASSWORD = 'Index-Pass-2024!';
const ASEM = resolve(import.meta.dirname, '../reference/asem');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const system = freshSystems();

async function viewerOf({ db, server }) {
  addUser(db, 'watcher', 'viewer', PASSWORD);
  const viewer = new Client(server.url);
  assert.equal((await viewer.login('watcher', PASSWORD)).status, 200);
  return viewer;
}

// ---- a minimal zip writer (deflated entries, no extras) -----------------------------------------
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const NS = 'http://schemas.openxmlformats.org';
// A one-sheet workbook whose <sheetData> is `rows` (inline strings and numbers only).
function workbook(rows) {
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`],
  ]);
}
const text = (ref, value) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const num = (ref, value) => `<c r="${ref}"><v>${value}</v></c>`;

const convert = (client, bytes) => client.request('POST', '/api/v1/index/convert', bytes, { headers: { 'content-type': XLSX_TYPE } });

function assertLimit(r, code, limit, reachedName, atLeast) {
  assert.equal(r.status, 422, r.text.slice(0, 300));
  assert.match(r.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(r.json.code, code, r.text.slice(0, 300));
  assert.equal(r.json.params.limit, limit, JSON.stringify(r.json.params));
  assert.ok(r.json.params[reachedName] > limit, JSON.stringify(r.json.params));
  if (atLeast !== undefined) assert.ok(r.json.params[reachedName] >= atLeast, JSON.stringify(r.json.params));
  assert.match(r.json.detail, new RegExp(String(limit)), 'the detail names the limit');
}

test('high: /index/convert pads every row to the widest one with no limit — A1 and XFD1048576 from a viewer is 422 too_many_cells, and the server still answers', async () => {
  const sys = await system();
  const viewer = await viewerOf(sys);
  const bytes = workbook(`<row r="1">${num('A1', 1)}</row><row r="1048576">${num('XFD1048576', 1)}</row>`);
  assert.ok(bytes.length < 2048, `the sheet is ${bytes.length} bytes`);
  const started = Date.now();
  const r = await convert(viewer, bytes);
  assertLimit(r, 'too_many_cells', 2_000_000, 'cells', 1048576 * 16384);
  assert.ok(Date.now() - started < 10_000, 'refused before padding, not after');
  const health = await new Client(sys.server.url).get('/api/v1/health');
  assert.equal(health.status, 200);
  assert.equal(sys.server.proc.exitCode, null, 'the server is still running');
  // A small sheet still converts, padded to its widest row.
  const ok = await convert(viewer, workbook(`<row r="1">${text('A1', 'uCode')}${text('C1', 'x')}</row><row r="2">${text('A2', 'AUT')}</row>`));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.csv, 'uCode,,x\nAUT,,\n');
});

test('high: /index/convert — 20,000 rows under a row as wide as XFD are 422 too_many_cells, not gigabytes', async () => {
  const sys = await system();
  const viewer = await viewerOf(sys);
  let rows = `<row r="1">${num('A1', 1)}${num('XFD1', 1)}</row>`;
  for (let i = 2; i <= 20_000; i++) rows += `<row r="${i}">${num(`A${i}`, i)}</row>`;
  const r = await convert(viewer, workbook(rows));
  assertLimit(r, 'too_many_cells', 2_000_000, 'cells');
  assert.equal((await new Client(sys.server.url).get('/api/v1/health')).status, 200);
});

test('high: every CSV path counts fields — a CSV row of 20,000 fields is 422 too_many_fields on /index/build and on a registry import', async () => {
  const sys = await system();
  const viewer = await viewerOf(sys);
  const header = ['uCode', ...Array.from({ length: 19_999 }, (_, i) => `x${i}`)].join(',');
  const meta = readFileSync(join(ASEM, 'ASEM_iMeta.csv'), 'utf8');
  const built = await viewer.post('/api/v1/index/build', { data: `${header}\nAUT${','.repeat(19_999)}\n`, meta });
  assertLimit(built, 'too_many_fields', 16_384, 'fields');
  assert.equal(built.json.params.line, 1);

  const csv = `credit_code,name${',x'.repeat(19_998)}\n`;
  const imported = await sys.admin.request('POST', '/api/v1/registry/enterprises/import', csv, { headers: { 'content-type': 'text/csv' } });
  assertLimit(imported, 'too_many_fields', 16_384, 'fields');
});

test('high: every XLSX path counts padded cells — a registry import of an over-cap sheet is 422 too_many_cells and stores no row', async () => {
  const sys = await system();
  const { admin } = sys;
  // Two good rows, then one cell in column XFD on row 1,000: 1,000 × 16,384 padded cells.
  const rows = `<row r="1">${text('A1', 'credit_code')}${text('B1', 'name')}</row>`
    + `<row r="2">${text('A2', '91330106000000010X')}${text('B2', '甲企业')}</row>`
    + `<row r="3">${text('A3', '91330106000000029A')}${text('B3', '乙企业')}</row>`
    + `<row r="1000">${num('XFD1000', 1)}</row>`;
  const r = await admin.request('POST', '/api/v1/registry/enterprises/import', workbook(rows), { headers: { 'content-type': XLSX_TYPE } });
  assertLimit(r, 'too_many_cells', 10_000_000, 'cells', 1000 * 16384);
  const list = await admin.get('/api/v1/registry/enterprises');
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.total, 0, 'no row was stored');
});

function asemUncertainty(runs, sensitivity) {
  return {
    data: readFileSync(join(ASEM, 'ASEM_iData.csv'), 'utf8'),
    meta: readFileSync(join(ASEM, 'ASEM_iMeta.csv'), 'utf8'),
    spec: JSON.parse(readFileSync(join(ASEM, 'example-spec.json'), 'utf8')),
    vary: { vary: [{ factor: 'aggregate', values: [{ method: 'amean' }, { method: 'gmean' }] },
      { factor: 'weights', noise: [{ level: 2, factor: 0.25 }], sets: 50 }] },
    runs,
    seed: 3,
    sensitivity,
  };
}

test('med: a viewer can occupy every worker — an uncertainty analysis past --heavy-request-seconds stops with 422 time_budget_exceeded', async () => {
  const sys = await system(['--heavy-request-seconds', '1']);
  const viewer = await viewerOf(sys);
  const started = Date.now();
  // 20,000 base runs of a Saltelli design with two factors: 80,000 builds, far beyond a second.
  const r = await viewer.post('/api/v1/index/uncertainty', asemUncertainty(20_000, true));
  const took = Date.now() - started;
  assert.equal(r.status, 422, r.text.slice(0, 300));
  assert.equal(r.json.code, 'time_budget_exceeded');
  assert.deepEqual(r.json.params, { seconds: 1 });
  assert.match(r.json.detail, /1 s/);
  assert.ok(took < 8_000, `stopped at the budget, not at the end (${took} ms)`);
  // Within the budget the same route answers.
  const small = await viewer.post('/api/v1/index/uncertainty', asemUncertainty(5, false));
  assert.equal(small.status, 200, small.text.slice(0, 300));
  assert.equal(small.json.runs, 5);
});

test('med: a viewer can occupy every worker — an analysis whose runs × cells pass the cap is 422 analysis_too_large at once', async () => {
  const sys = await system();
  const viewer = await viewerOf(sys);
  // 2,000 units × 30 indicators = 60,000 cells; 20,000 runs = 1.2e9 cell computations.
  const codes = Array.from({ length: 30 }, (_, i) => `i${i}`);
  const meta = ['Level,iCode,iName,Direction,Weight,Type,Parent',
    ...codes.map((c) => `1,${c},${c},1,1,Indicator,Index`), '2,Index,Index,1,1,Aggregate,'].join('\n') + '\n';
  const lines = [['uCode', ...codes].join(',')];
  for (let u = 0; u < 2000; u++) lines.push([`U${u}`, ...codes.map((_, i) => (u * 7 + i * 13) % 101)].join(','));
  const body = { data: lines.join('\n') + '\n', meta, vary: { vary: [{ factor: 'aggregate', values: [{ method: 'amean' }, { method: 'gmean' }] }] }, runs: 20_000, seed: 1 };
  const started = Date.now();
  const r = await viewer.post('/api/v1/index/uncertainty', body);
  assert.equal(r.status, 422, r.text.slice(0, 300));
  assert.equal(r.json.code, 'analysis_too_large');
  assert.equal(r.json.params.limit, 1_000_000_000);
  assert.equal(r.json.params.cost, 20_000 * 60_000);
  assert.ok(Date.now() - started < 5_000, 'refused before any run');
  // The same data with fewer runs is within the cap.
  const fewer = await viewer.post('/api/v1/index/uncertainty', { ...body, runs: 2 });
  assert.equal(fewer.status, 200, fewer.text.slice(0, 300));
});
