import { canonicalJson, requestFingerprint } from './idempotency.rules';

describe('requestFingerprint', () => {
  it('is the same for the same JSON body whatever the order of its keys', () => {
    const a = requestFingerprint('POST', '/api/v1/enterprises', { uscc: 'X', name: 'A', address: { city: 'Kashgar', street: 'Main' } });
    const b = requestFingerprint('POST', '/api/v1/enterprises', { address: { street: 'Main', city: 'Kashgar' }, name: 'A', uscc: 'X' });
    expect(a).toBe(b);
  });

  it('differs when a value, the order of an array, the path or the method differs', () => {
    const base = requestFingerprint('POST', '/api/v1/a', { sectors: ['A', 'B'], n: 1 });
    expect(requestFingerprint('POST', '/api/v1/a', { sectors: ['A', 'B'], n: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/a', { sectors: ['B', 'A'], n: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/b', { sectors: ['A', 'B'], n: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/a', { sectors: ['A', 'B'], n: 1 })).not.toBe(base);
  });

  it('tells a missing body from an empty object and null from an absent key', () => {
    expect(requestFingerprint('POST', '/x', undefined)).not.toBe(requestFingerprint('POST', '/x', {}));
    expect(requestFingerprint('POST', '/x', { a: null })).not.toBe(requestFingerprint('POST', '/x', {}));
  });
});

describe('canonicalJson', () => {
  it('writes JSON that parses back to the same value, with sorted keys at every depth', () => {
    const value = { b: [3, { d: 'x', c: null }], a: '"quoted"\n', e: true, f: 1.5 };
    const text = canonicalJson(value);
    expect(text).toBe('{"a":"\\"quoted\\"\\n","b":[3,{"c":null,"d":"x"}],"e":true,"f":1.5}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
