import { generateUscc } from '@westgate/domain';
import { checkDeclaration, type Declaration } from '../declarations/declaration.rules';
import { copyText } from './record-declarations.usecase';

describe('copyText', () => {
  const uscc = generateUscc(() => 0.5);
  const declaration = (extra: object = {}): Declaration => {
    const check = checkDeclaration({ declarationId: 'D-1', uscc, flow: 'IMPORT', hsCode: '2709000000', partnerCountry: 'KZ', period: '2026-03', valueUsd: '10.50', ...extra });
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return check.declaration;
  };

  it('writes one tab-separated line per declaration, with the stored dimension codes and \\N for absent fields', () => {
    const text = copyText([declaration(), declaration({ declarationId: 'D-2', unit: '千克', customsPort: 'KHORGOS' })], '00000000-0000-4000-8000-000000000001');
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0].split('\t')).toEqual(['D-1', uscc, '2', '2709000000', '27', String((1 << 5) | (1 << 7)), 'KZ', '202603', '10.50', '\\N', '\\N', '\\N', '\\N', '\\N', '00000000-0000-4000-8000-000000000001']);
    expect(lines[1].split('\t').slice(9, 13)).toEqual(['\\N', '千克', '\\N', 'KHORGOS']);
    expect(copyText([declaration()]).endsWith('\t\\N\n')).toBe(true);
  });
});
