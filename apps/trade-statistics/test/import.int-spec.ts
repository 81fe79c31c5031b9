import type { TestService } from '@westgate/platform';
import { http, pollUntil } from '@westgate/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { cents, makeDeclarations, makeUsccs, usdOf, type TestDeclaration } from './support/declarations.fixture';
import { admin, analyst, officer, startStatistics, summary, waitForTotal } from './support/statistics-service';

const HEADER = 'declarationId,uscc,flow,hsCode,partnerCountry,period,valueUsd,quantity,unit,netWeightKg,customsPort,tradeMode';

function csvLine(d: TestDeclaration): string {
  return [d.declarationId, d.uscc, d.flow, d.hsCode, d.partnerCountry, d.period, d.valueUsd, d.quantity ?? '', d.unit ?? '', d.netWeightKg ?? '', d.customsPort ?? '', d.tradeMode ?? ''].join(',');
}

async function postCsv(service: TestService, body: string | ReadableStream<Uint8Array>, token = officer, contentType = 'text/csv', idempotencyKey?: string) {
  const response = await fetch(`${service.baseUrl}/api/v1/declarations/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, replayed: response.headers.get('idempotent-replayed') };
}

/** The text as a chunked upload (no content-length), a few lines at a time. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const pieces = text.match(/(?:[^\n]*\n){1,3}|[^\n]+$/g) ?? [];
  return new ReadableStream({
    pull(controller) {
      const piece = pieces.shift();
      if (piece === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(piece));
    },
  });
}

async function importDone(service: TestService, importId: string) {
  return pollUntil(
    async () => {
      const progress = await http(service.baseUrl, 'GET', `/api/v1/imports/${importId}`, { token: officer });
      return progress.body.status === 'COMPLETED' ? progress.body : false;
    },
    { timeoutMs: 60_000, intervalMs: 100, description: `import ${importId} to complete` },
  );
}

describe('declarations in: CSV import and JSON batches', () => {
  let service: TestService;
  const usccs = makeUsccs(15, 77);

  beforeAll(async () => {
    service = await startStatistics();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('imports a CSV: bad lines are reported with their line number and field, good rows are all counted', async () => {
    const good = makeDeclarations({ count: 40, usccs, periods: ['2024-05', '2024-06'], seed: 8, idPrefix: 'CSV' });
    const lines = [
      HEADER,
      ...good.slice(0, 10).map(csvLine),
      csvLine({ ...good[10], uscc: '91650100MA77XKPQ1X' }), // line 12: bad check character
      ...good.slice(11, 20).map(csvLine),
      '', // line 22: blank, skipped
      `${good[20].declarationId},${good[20].uscc},EXPORT`, // line 23: too few fields
      ...good.slice(21, 30).map(csvLine),
      csvLine({ ...good[30], flow: 'SIDEWAYS' as never, period: '2024-13' }), // line 33: two bad fields
      `"${good[31].declarationId}","${good[31].uscc}",${csvLine(good[31]).split(',').slice(2).join(',')}`, // quoted fields are fine
      `CSV-BAD"QUOTE,${csvLine(good[32]).split(',').slice(1).join(',')}`, // line 35: a stray quote
      ...good.slice(33).map(csvLine),
      csvLine(good[0]), // a repeat of line 2: accepted, ignored when counted
    ];
    const response = await postCsv(service, `${lines.join('\r\n')}\r\n`);
    expect(response.status).toBe(202);
    expect(response.body.importId).toMatch(/^[0-9a-f-]{36}$/);
    const progress = await importDone(service, response.body.importId);
    const counted = good.filter((_, i) => ![10, 20, 30, 32].includes(i));
    expect(progress).toMatchObject({ rowsRead: 41, accepted: 37, rejected: 4, ingested: counted.length, duplicates: 1, failed: 0 });
    expect(progress.rejectedRows.map((r: { line: number }) => r.line)).toEqual([12, 23, 33, 35]);
    expect(progress.rejectedRows[0].errors.map((e: { field: string }) => e.field)).toEqual(['uscc']);
    expect(progress.rejectedRows[2].errors.map((e: { field: string }) => e.field).sort()).toEqual(['flow', 'period']);
    const result = await summary(service, { from: '2024-05', to: '2024-06', groupBy: 'period' });
    expect(result.totalDeclarations).toBe(counted.length);
    expect(result.totalValueUsd).toBe(usdOf(counted.reduce((sum, d) => sum + cents(d.valueUsd), 0n)));
  });

  it('streams a large CSV through without holding it, and reports its progress', async () => {
    const rows = makeDeclarations({ count: 30_000, usccs, periods: ['2023-01', '2023-02', '2023-03'], seed: 9, idPrefix: 'BIG' });
    let next = 0;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next === 0) controller.enqueue(encoder.encode(`${HEADER}\n`));
        if (next >= rows.length) return controller.close();
        controller.enqueue(encoder.encode(`${rows.slice(next, next + 1000).map(csvLine).join('\n')}\n`));
        next += 1000;
      },
    });
    const response = await postCsv(service, stream);
    expect(response.status).toBe(202);
    const progress = await importDone(service, response.body.importId);
    expect(progress).toMatchObject({ rowsRead: 30_000, accepted: 30_000, rejected: 0, ingested: 30_000, duplicates: 0 });
    await waitForTotal(service, '2023-01', '2023-03', 30_000);
  });

  it('honours Idempotency-Key on an upload: the same file again replays the first answer, another file is refused', async () => {
    const rows = makeDeclarations({ count: 12, usccs, periods: ['2024-09'], seed: 21, idPrefix: 'IDEM' });
    const csv = [HEADER, ...rows.map(csvLine)].join('\n') + '\n';
    const other = [HEADER, ...rows.slice(0, 6).map(csvLine)].join('\n') + '\n';
    const jobs = async () => Number((await service.app.get(DataSource).query("SELECT count(*) AS n FROM import_job WHERE created_by = 'officer-1'"))[0].n);
    const before = await jobs();

    const first = await postCsv(service, csv, officer, 'text/csv', 'upload-1');
    expect(first.status).toBe(202);
    expect(first.replayed).toBeNull();
    const again = await postCsv(service, chunked(csv), officer, 'text/csv', 'upload-1');
    expect(again).toEqual({ status: 202, body: first.body, replayed: 'true' });
    const different = await postCsv(service, other, officer, 'text/csv', 'upload-1');
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const differentChunked = await postCsv(service, chunked(other), officer, 'text/csv', 'upload-1');
    expect(differentChunked.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A chunked upload is remembered by its content too.
    const streamed = await postCsv(service, chunked(other), officer, 'text/csv', 'upload-2');
    expect(streamed.status).toBe(202);
    expect(await postCsv(service, other, officer, 'text/csv', 'upload-2')).toEqual({ status: 202, body: streamed.body, replayed: 'true' });

    expect(await jobs()).toBe(before + 2);
    expect((await importDone(service, first.body.importId)).accepted).toBe(12);
  });

  it('refuses a CSV whose header is wrong, an empty one, and the wrong media types', async () => {
    const wrongHeader = await postCsv(service, 'declarationId,uscc,flow,hsCode,partnerCountry,period,value\n1,2,3,4,5,6,7\n');
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.body.code).toBe('VALIDATION_FAILED');
    expect(wrongHeader.body.errors.map((e: { field: string }) => e.field)).toEqual(['header', 'header']);
    expect(wrongHeader.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/unknown column "value".*"valueUsd" is missing/);
    expect((await postCsv(service, '')).status).toBe(400);
    expect((await postCsv(service, '[]', officer, 'application/json')).status).toBe(415);
    const csvToJson = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, rawBody: HEADER, headers: { 'content-type': 'text/csv' } });
    expect(csvToJson.status).toBe(415);
  });

  it('refuses a wrong header even when megabytes of rows follow it (pieces already handed to the parser do not count)', async () => {
    const response = await postCsv(service, `declarationId,uscc,flow,hsCode,partnerCountry,period,value\n${'1,2,3,4,5,6,7\n'.repeat(300_000)}`);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['header', 'header']);
  });

  it('lets only admins and officers in, and keeps imports private to those roles', async () => {
    expect((await postCsv(service, `${HEADER}\n`, analyst)).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: analyst, body: [] })).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', '/api/v1/declarations', { body: [] })).status).toBe(401);
    const created = await postCsv(service, `${HEADER}\n`, admin);
    expect(created.status).toBe(202);
    expect((await http(service.baseUrl, 'GET', `/api/v1/imports/${created.body.importId}`, { token: analyst })).status).toBe(403);
    expect((await http(service.baseUrl, 'GET', `/api/v1/imports/${created.body.importId}`, { token: admin })).body).toMatchObject({ status: 'COMPLETED', rowsRead: 0 });
    const missing = await http(service.baseUrl, 'GET', '/api/v1/imports/00000000-0000-4000-8000-000000000000', { token: officer });
    expect([missing.status, missing.body.code]).toEqual([404, 'IMPORT_NOT_FOUND']);
    expect((await http(service.baseUrl, 'GET', '/api/v1/imports/not-an-id', { token: officer })).status).toBe(404);
  });

  it('rejects bad JSON rows one by one with their index and field, keeping the good ones', async () => {
    const good = makeDeclarations({ count: 5, usccs, periods: ['2022-01'], seed: 10, idPrefix: 'JSN' });
    const body = [good[0], { ...good[1], valueUsd: 1500.5 }, { ...good[2], extra: true }, good[3], { ...good[4], hsCode: '77' }, 'text', null];
    const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected.map((r: { index: number; errors: Array<{ field: string }> }) => [r.index, r.errors.map((e) => e.field)])).toEqual([
      [1, ['valueUsd']],
      [2, ['extra']],
      [4, ['hsCode']],
      [5, ['']],
      [6, ['']],
    ]);
    await waitForTotal(service, '2022-01', '2022-01', 2);
    const notArray = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: { declarations: [] } });
    expect([notArray.status, notArray.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const tooMany = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: Array.from({ length: 10_001 }, () => good[0]) });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const malformed = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, rawBody: '[{"uscc": ', headers: { 'content-type': 'application/json' } });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('answers any JSON body with a 4xx or per-row rejections, never a 5xx (property-based)', async () => {
    const [template] = makeDeclarations({ count: 1, usccs, periods: ['2021-01'], seed: 12, idPrefix: 'PBT' });
    const fields = Object.keys(template) as Array<keyof TestDeclaration>;
    const corrupted = fc
      .tuple(fc.constantFrom(...fields, 'unknownField'), fc.anything({ maxDepth: 2 }), fc.nat())
      .map(([field, value, n]) => ({ ...template, declarationId: `PBT-${n}`, [field]: value }));
    const body = fc.oneof(
      fc.array(fc.oneof(corrupted, fc.anything({ maxDepth: 2 })), { maxLength: 20 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, rawBody: JSON.stringify(payload) ?? 'null', headers: { 'content-type': 'application/json' } });
        expect(response.status).toBeLessThan(500);
        if (response.status === 202) {
          expect(Array.isArray(payload)).toBe(true);
          const rows = payload as unknown[];
          expect(response.body.accepted + response.body.rejected.length).toBe(rows.length);
          for (const rejection of response.body.rejected) {
            expect(rejection.index).toBeGreaterThanOrEqual(0);
            expect(rejection.errors.length).toBeGreaterThan(0);
          }
        } else {
          expect(response.status).toBe(400);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers any CSV upload with a 4xx or per-line rejections, never a 5xx (property-based)', async () => {
    const [template] = makeDeclarations({ count: 1, usccs, periods: ['2021-02'], seed: 13, idPrefix: 'PBC' });
    const line = fc.oneof(
      fc.constant(csvLine(template)),
      fc.string({ maxLength: 80 }),
      fc.tuple(fc.nat(11), fc.string({ maxLength: 12 })).map(([i, value]) => {
        const cells = csvLine(template).split(',');
        cells[i] = value;
        return cells.join(',');
      }),
    );
    const upload = fc.tuple(fc.oneof(fc.constant(HEADER), fc.string({ maxLength: 60 })), fc.array(line, { maxLength: 15 }), fc.constantFrom('\n', '\r\n'));
    await fc.assert(
      fc.asyncProperty(upload, async ([header, lines, newline]) => {
        const response = await postCsv(service, [header, ...lines].join(newline));
        expect(response.status).toBeLessThan(500);
        if (response.status === 202) {
          const progress = await importDone(service, response.body.importId);
          expect(progress.accepted + progress.rejected).toBe(progress.rowsRead);
        } else {
          expect(response.status).toBe(400);
          expect(response.body.code).toBe('VALIDATION_FAILED');
        }
      }),
      { numRuns: 40 },
    );
  });
});
