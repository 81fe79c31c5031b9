import { sign } from 'jsonwebtoken';
import { InvalidTokenError } from './invalid-token.error';
import { signToken } from './sign-token';
import { verifyToken } from './verify-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const ENTERPRISE = '3f1c2a8e-7b6d-4c5e-9f0a-1b2c3d4e5f60';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function expectInvalid(token: string, reason: 'expired' | 'invalid', message?: RegExp): void {
  let thrown: unknown;
  try {
    verifyToken(token, SECRET);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidTokenError);
  expect((thrown as InvalidTokenError).reason).toBe(reason);
  if (message) expect((thrown as InvalidTokenError).message).toMatch(message);
}

describe('verifyToken', () => {
  it('returns the user of a good token', () => {
    const token = signToken({ sub: 'u-1', name: 'Ayşe', roles: ['officer', 'reviewer'] }, SECRET, { expiresIn: '1h' });
    expect(verifyToken(token, SECRET)).toEqual({ id: 'u-1', name: 'Ayşe', roles: ['officer', 'reviewer'] });
  });

  it('carries enterprise_id for role enterprise, lower-cased', () => {
    const token = signToken({ sub: 'u-2', roles: ['enterprise'], enterprise_id: ENTERPRISE.toUpperCase() }, SECRET, {
      expiresIn: 60,
    });
    expect(verifyToken(token, SECRET)).toEqual({ id: 'u-2', roles: ['enterprise'], enterpriseId: ENTERPRISE });
  });

  it('refuses an expired token', () => {
    const token = signToken({ sub: 'u-1', roles: ['admin'] }, SECRET, { expiresIn: -60 });
    expectInvalid(token, 'expired');
  });

  it('refuses a token signed with another secret', () => {
    const token = signToken({ sub: 'u-1', roles: ['admin'] }, 'another-secret-another-secret-another', { expiresIn: 60 });
    expectInvalid(token, 'invalid', /signature/);
  });

  it('refuses alg none', () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'u-1', roles: ['admin'], exp })}.`;
    expectInvalid(token, 'invalid');
  });

  it('refuses algorithms other than HS256', () => {
    const token = sign({ sub: 'u-1', roles: ['admin'] }, SECRET, { algorithm: 'HS512', expiresIn: 60 });
    expectInvalid(token, 'invalid', /algorithm/);
  });

  it('refuses a token without exp', () => {
    const token = sign({ sub: 'u-1', roles: ['admin'] }, SECRET, { algorithm: 'HS256' });
    expectInvalid(token, 'invalid', /exp is required/);
  });

  it('refuses role enterprise without enterprise_id', () => {
    const token = sign({ sub: 'u-1', roles: ['enterprise'] }, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expectInvalid(token, 'invalid', /enterprise_id is required/);
  });

  it('refuses unknown roles', () => {
    const token = sign({ sub: 'u-1', roles: ['officer', 'superuser'] }, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expectInvalid(token, 'invalid', /unknown roles: superuser/);
  });

  it.each([
    ['no sub', { roles: ['admin'] }, /sub/],
    ['roles not an array', { sub: 'u-1', roles: 'admin' }, /roles must be an array/],
    ['enterprise_id not a UUID', { sub: 'u-1', roles: ['enterprise'], enterprise_id: '42' }, /UUID/],
  ])('refuses malformed claims: %s', (_case, claims, message) => {
    expectInvalid(sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 }), 'invalid', message);
  });

  it('refuses garbage', () => {
    expectInvalid('not-a-jwt', 'invalid');
  });
});

describe('signToken', () => {
  it('refuses to mint claims that verification would refuse', () => {
    expect(() => signToken({ sub: 'u-1', roles: ['enterprise'] }, SECRET, { expiresIn: 60 })).toThrow(
      /enterprise_id is required/,
    );
  });
});

describe('verifyToken, a second time', () => {
  const secret = 'cache-test-secret-cache-test-secret';

  it('gives the same user again, and still refuses the token under another secret', () => {
    const token = signToken({ sub: 'again', roles: ['officer'] }, secret, { expiresIn: 60 });
    expect(verifyToken(token, secret)).toEqual(verifyToken(token, secret));
    expect(() => verifyToken(token, 'another-secret-another-secret-another')).toThrow(InvalidTokenError);
  });

  it('refuses a remembered token once it has expired', () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const token = signToken({ sub: 'short', roles: ['officer'] }, secret, { expiresIn: 2 });
      expect(verifyToken(token, secret).id).toBe('short');
      jest.setSystemTime(Date.now() + 10_000);
      expect(() => verifyToken(token, secret)).toThrow(InvalidTokenError);
    } finally {
      jest.useRealTimers();
    }
  });
});
