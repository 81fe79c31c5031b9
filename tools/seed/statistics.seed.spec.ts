import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { TradeDeclarationV1 } from '@westgate/contracts';
import { categoriesOf } from '@westgate/domain';
import { demoEnterprises } from './registry.seed';
import { demoDeclarations } from './statistics.seed';

describe('trade-statistics demo data', () => {
  const today = new Date('2026-11-26T00:00:00Z');
  const declarations = demoDeclarations(demoEnterprises(), today);

  it('is the same on every run, with ids that make a second run a no-op', () => {
    expect(demoDeclarations(demoEnterprises(), today)).toEqual(declarations);
    expect(new Set(declarations.map((d) => d.declarationId)).size).toBe(declarations.length);
  });

  it('covers the 24 complete months before today for every enterprise, and keeps to the contract', () => {
    const periods = [...new Set(declarations.map((d) => d.period))].sort();
    expect(periods).toHaveLength(24);
    expect([periods[0], periods[23]]).toEqual(['2024-11', '2026-10']);
    expect(new Set(declarations.map((d) => d.uscc)).size).toBe(demoEnterprises().length);
    const invalid = declarations.filter((d) => validateSync(plainToInstance(TradeDeclarationV1, d), { forbidNonWhitelisted: true, whitelist: true }).length > 0);
    expect(invalid).toEqual([]);
  });

  it('tells the story: seasonal farm exports, steady crude imports', () => {
    const sum = (filter: (d: (typeof declarations)[number]) => boolean) => declarations.filter(filter).reduce((s, d) => s + Number(d.valueUsd), 0);
    const farm = (month: string) => sum((d) => d.flow === 'EXPORT' && categoriesOf(d.hsCode).includes('AGRICULTURAL') && d.period === month);
    expect(farm('2025-09')).toBeGreaterThan(2 * farm('2025-03'));
    const crude = ['2025-01', '2025-04', '2025-07', '2025-10'].map((m) => sum((d) => d.hsCode === '2709000000' && d.period === m));
    expect(Math.max(...crude) / Math.min(...crude)).toBeLessThan(2.5);
  });
});
