import { generateUscc } from '@westgate/domain';
import { unpackMessages } from '../declarations/declaration-messages';
import { BATCH_ROWS, CsvImportPipeline, type PipelineOutput } from './csv-import.pipeline';

const uscc = generateUscc(() => 0.77);
const header = 'declarationId,uscc,flow,hsCode,partnerCountry,period,valueUsd,unit\n';
const line = (i: number, unit = 'KG') => `D-${i},${uscc},EXPORT,0808100000,KZ,2026-01,${i + 1}.50,${unit}\n`;

function run(text: string, cut = 7): PipelineOutput[] {
  const pipeline = new CsvImportPipeline({ correlationId: 'c-1', importId: '00000000-0000-4000-8000-000000000001' });
  const bytes = Buffer.from(text, 'utf8');
  const outputs: PipelineOutput[] = [];
  for (let i = 0; i < bytes.length; i += cut) outputs.push(pipeline.push(bytes.subarray(i, i + cut)));
  outputs.push(pipeline.end());
  return outputs;
}

describe('CsvImportPipeline', () => {
  it('reads rows across any byte boundary, UTF-8 characters split included', () => {
    const outputs = run(header + line(1, '千克') + line(2) + 'bad,row\n', 5);
    const last = outputs[outputs.length - 1];
    expect(last.counts).toEqual({ rowsRead: 3, accepted: 2, rejected: 1 });
    expect(last.rejections).toEqual([{ line: 4, errors: [{ field: '', message: 'expected 8 fields as in the header, got 2' }] }]);
    const [packed] = unpackMessages(last.messages ?? { keys: [], headers: [], bytes: new Uint8Array(), ends: [] });
    const message = JSON.parse(packed.value.toString());
    expect(packed.key).toBe(uscc);
    expect(message.data).toMatchObject({ uscc, importId: '00000000-0000-4000-8000-000000000001' });
    expect(message.data.declarations.map((d: { unit: string }) => d.unit)).toEqual(['千克', 'KG']);
    expect(message).toMatchObject({ type: 'westgate.trade.declaration.submitted.v1', subject: uscc, correlationid: 'c-1' });
  });

  it('hands out a batch of messages every BATCH_ROWS accepted rows', () => {
    const rows = Array.from({ length: 2 * BATCH_ROWS + 500 }, (_, i) => line(i)).join('');
    const outputs = run(header + rows, 1024);
    const batches = outputs.filter((o) => o.messages !== undefined);
    expect(batches.length).toBe(3);
    expect(batches.slice(0, 2).every((o) => o.messageRows >= BATCH_ROWS && o.messageRows < BATCH_ROWS + 50)).toBe(true);
    expect(batches.reduce((sum, o) => sum + o.messageRows, 0)).toBe(2 * BATCH_ROWS + 500);
    // One enterprise: its rows go in messages of at most 1,000.
    const messages = batches.flatMap((o) => (o.messages ? unpackMessages(o.messages) : []));
    expect(messages.every((m) => JSON.parse(m.value.toString()).data.declarations.length <= 1000)).toBe(true);
  });

  it('stores catalogue ports and trade modes by their codes, keeps other safe names, and rejects unsafe ones', () => {
    const head = 'declarationId,uscc,flow,hsCode,partnerCountry,period,valueUsd,customsPort,tradeMode\n';
    const row = (i: number, port: string, mode: string) => `D-${i},${uscc},EXPORT,0808100000,KZ,2026-01,10.00,${port},${mode}\n`;
    const outputs = run(head + row(1, ' Khorgos ', 'general_trade') + row(2, 'Tianjin Xingang', '0110') + row(3, '', '') + row(4, '"KHOR\\GOS"', 'OTHER'));
    const last = outputs[outputs.length - 1];
    expect(last.counts).toEqual({ rowsRead: 4, accepted: 3, rejected: 1 });
    expect(last.rejections).toEqual([{ line: 5, errors: [{ field: 'customsPort', message: expect.stringMatching(/^customsPort must be/) }] }]);
    const [packed] = unpackMessages(last.messages ?? { keys: [], headers: [], bytes: new Uint8Array(), ends: [] });
    const declarations = JSON.parse(packed.value.toString()).data.declarations as Array<Record<string, unknown>>;
    expect(declarations.map((d) => [d.customsPort, d.tradeMode])).toEqual([
      ['KHORGOS', 'GENERAL_TRADE'],
      ['Tianjin Xingang', '0110'],
      [undefined, undefined],
    ]);
  });

  it('refuses a wrong or missing header', () => {
    expect(run('declarationId,uscc\n1,2\n').pop()?.headerErrors?.length).toBeGreaterThan(0);
    expect(run('').pop()?.headerErrors).toEqual(['the CSV is empty: it needs a header row naming the declaration fields']);
    expect(run(`"oops,${header}`).pop()?.headerErrors?.[0]).toMatch(/header row is malformed/);
  });
});
