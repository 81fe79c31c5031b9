import { createHmac } from 'node:crypto';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, signBody, verifySignature, webhookHeaders, webhookUrlProblem } from './webhook.rules';

describe('webhook signature', () => {
  it('is sha256=<hex HMAC-SHA256 of the exact body>', () => {
    const body = '{"eventId":"e1","notifications":[]}';
    const expected = createHmac('sha256', 'whsec').update(body).digest('hex');
    expect(signBody(body, 'whsec')).toBe(`sha256=${expected}`);
    // A known vector (RFC 4231 test case 2).
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies only the same body with the same secret', () => {
    const signature = signBody('{"a":1}', 'whsec');
    expect(verifySignature('{"a":1}', 'whsec', signature)).toBe(true);
    expect(verifySignature('{"a": 1}', 'whsec', signature)).toBe(false);
    expect(verifySignature('{"a":1}', 'other', signature)).toBe(false);
    expect(verifySignature('{"a":1}', 'whsec', undefined)).toBe(false);
    expect(verifySignature('{"a":1}', 'whsec', 'sha256=00')).toBe(false);
  });

  it('sends the signature and the delivery id', () => {
    const headers = webhookHeaders({ id: 'd1', eventType: 't', attempt: 2, body: '{}', secret: 's' });
    expect(headers[SIGNATURE_HEADER]).toBe(signBody('{}', 's'));
    expect(headers[DELIVERY_ID_HEADER]).toBe('d1');
    expect(headers['x-westgate-attempt']).toBe('2');
    expect(headers['content-type']).toBe('application/json');
  });
});

describe('webhook URLs', () => {
  it.each(['https://hooks.example.com/westgate', 'http://127.0.0.1:8080/hook?x=1', 'https://[::1]:9000/', 'HTTPS://HOOKS.EXAMPLE.COM/A'])('accepts %s', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['ftp://hooks.example.com/', 'http or https'],
    ['data:text/plain,x', 'http or https'],
    ['https://user:secret@hooks.example.com/', 'user name or password'],
    ['https://user@hooks.example.com/', 'user name or password'],
    ['https://hooks.example.com/#x', 'fragment'],
    ['https:/hooks.example.com', 'with a host'],
    ['hooks.example.com', 'absolute'],
    ['https://hooks.example.com/a b', 'spaces'],
    ['https://hooks.example.com/\u0000', 'control'],
    [`https://hooks.example.com/${'a'.repeat(2000)}`, '2000'],
  ])('refuses %s', (url, reason) => {
    expect(webhookUrlProblem(url)).toContain(reason);
  });

  it('refuses what is not a string', () => {
    expect(webhookUrlProblem(42)).toBe('must be a string');
  });
});
