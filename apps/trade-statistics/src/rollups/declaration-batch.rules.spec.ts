import { TradeDeclarationsSubmitted } from '@westgate/contracts';
import { generateUscc } from '@westgate/domain';
import { decodeDeclarationBatch } from './declaration-batch.rules';

const uscc = generateUscc(() => 0.3);
const other = generateUscc(() => 0.6);
const declaration = (id: string, owner = uscc) => ({
  declarationId: id,
  uscc: owner,
  flow: 'IMPORT',
  hsCode: '2709000000',
  partnerCountry: 'KZ',
  period: '2026-01',
  valueUsd: '10.00',
});
const envelope = (data: object, extra: object = {}) =>
  JSON.stringify({
    specversion: '1.0',
    id: 'e-1',
    source: '/customs-feed',
    type: TradeDeclarationsSubmitted.type,
    subject: uscc,
    time: '2026-02-01T00:00:00Z',
    datacontenttype: 'application/json',
    correlationid: 'c-1',
    data,
    ...extra,
  });

describe('decodeDeclarationBatch', () => {
  it('keeps the good declarations of a batch and sets the bad ones aside with the reason', () => {
    const decoded = decodeDeclarationBatch(envelope({ uscc, declarations: [declaration('a'), { ...declaration('b'), hsCode: 'x' }, declaration('c', other)] }));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.valid.map((d) => d.declarationId)).toEqual(['a']);
    expect(decoded.invalid.map((i) => i.index)).toEqual([1, 2]);
    expect(decoded.invalid[1].problems[0]).toMatch(/batch's uscc/);
  });

  it("reads an external producer's ports and trade modes as the HTTP paths do", () => {
    const declarations = [
      { ...declaration('a'), customsPort: 'Khorgos', tradeMode: 'general trade' },
      { ...declaration('b'), customsPort: 'KHOR\\GOS' },
      { ...declaration('c'), customsPort: 'Tianjin Xingang', tradeMode: '0110' },
    ];
    const decoded = decodeDeclarationBatch(envelope({ uscc, declarations }));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.valid.map((d) => [d.declarationId, d.customsPort, d.tradeMode])).toEqual([
      ['a', 'KHORGOS', 'GENERAL_TRADE'],
      ['c', 'Tianjin Xingang', '0110'],
    ]);
    expect(decoded.invalid.map((i) => i.problems)).toEqual([[expect.stringMatching(/^data\.declarations\[1\]\.customsPort: customsPort must be/)]]);
  });

  it('refuses a message that breaks the envelope or the batch', () => {
    expect(decodeDeclarationBatch(Buffer.from('{'))).toEqual({ ok: false, problems: ['message value is not JSON'] });
    expect(decodeDeclarationBatch(null).ok).toBe(false);
    expect(decodeDeclarationBatch(envelope({ uscc, declarations: [] })).ok).toBe(false);
    expect(decodeDeclarationBatch(envelope({ uscc, declarations: [declaration('a')] }, { subject: other })).ok).toBe(false);
    expect(decodeDeclarationBatch(envelope({ uscc, declarations: [declaration('a')], extra: 1 })).ok).toBe(false);
    expect(decodeDeclarationBatch(envelope({ uscc, importId: 'not-a-uuid', declarations: [declaration('a')] })).ok).toBe(false);
    const wrongType = decodeDeclarationBatch(envelope({ uscc, declarations: [declaration('a')] }, { type: 'westgate.trade.alert.export-decline.v1' }));
    expect(wrongType.ok ? [] : wrongType.problems).toEqual([expect.stringMatching(/type must be/)]);
  });
});
