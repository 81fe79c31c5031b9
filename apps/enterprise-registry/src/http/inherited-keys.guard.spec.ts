import { inheritedKeys } from './inherited-keys.guard';

describe('inheritedKeys', () => {
  it('finds keys named like Object.prototype members, as JSON.parse creates them', () => {
    expect(inheritedKeys(JSON.parse('{"name":"x","toString":1,"__proto__":{},"constructor":{},"valueOf":2}'))).toEqual([
      'toString',
      '__proto__',
      'constructor',
      'valueOf',
    ]);
  });

  it('finds prototype, which the validation pipe deletes', () => {
    expect(inheritedKeys({ prototype: [] })).toEqual(['prototype']);
  });

  it('ignores ordinary keys and values that are not objects', () => {
    expect(inheritedKeys({ name: 'x', length: 1 })).toEqual([]);
    expect(inheritedKeys([1, 2])).toEqual([]);
    expect(inheritedKeys(null)).toEqual([]);
    expect(inheritedKeys('toString')).toEqual([]);
  });
});
