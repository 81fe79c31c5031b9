import { loadConfig } from '@westgate/platform';
import { allowsPrivateWebhookTargets, NotificationsConfig } from '../notifications.config';
import { forbiddenAddressProblem, ipLiteralOf, privateTargetMessage } from './webhook-address.rules';

describe('webhook target addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['10.1.2.3', '10.0.0.0/8'],
    ['172.16.0.1', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.168.1.10', '192.168.0.0/16'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', '100.64.0.0/10'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'fc00::/7'],
    ['fd12:3456:789a::1', 'fc00::/7'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    // IPv4 wrapped in IPv6 reaches the IPv4 address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::10.0.0.1', '10.0.0.0/8'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', '192.168.0.0/16'],
    ['100::1', '100::/64'],
    // Teredo: client 127.0.0.1 (inverted: 80ff:fffe) behind a public relay; a private relay.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', '10.0.0.0/8'],
  ])('refuses %s (%s)', (address, what) => {
    expect(forbiddenAddressProblem(address)).toContain(what);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '100.128.0.1', '169.255.0.1', '11.0.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '2002:0808:0808::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2'])(
    'allows the public address %s',
    (address) => {
      expect(forbiddenAddressProblem(address)).toBeUndefined();
    },
  );

  it('refuses what is not an IP address', () => {
    expect(forbiddenAddressProblem('localhost')).toBe('not an IP address');
    expect(forbiddenAddressProblem('')).toBe('not an IP address');
  });

  it('finds IP literals in URL host names, brackets and all', () => {
    expect(ipLiteralOf(new URL('http://[::1]:8080/x').hostname)).toBe('::1');
    expect(ipLiteralOf(new URL('http://127.0.0.1/x').hostname)).toBe('127.0.0.1');
    // The URL parser normalises the decimal, hex and short forms of IPv4 before they get here.
    expect(ipLiteralOf(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(ipLiteralOf(new URL('http://hooks.example.com/').hostname)).toBeUndefined();
  });

  it('names the host, the address and the setting', () => {
    expect(privateTargetMessage('localhost', '127.0.0.1', 'loopback')).toBe(
      'localhost (127.0.0.1) is an internal address (loopback); webhooks go there only when WEBHOOK_ALLOW_PRIVATE_NETWORKS is true',
    );
    expect(privateTargetMessage('[::1]', '::1', 'loopback ::1')).toMatch(/^::1 is an internal address/);
  });
});

describe('WEBHOOK_ALLOW_PRIVATE_NETWORKS', () => {
  const load = (env: Record<string, string>) => loadConfig(NotificationsConfig, { DATABASE_URL: 'postgres://127.0.0.1/x', PORT: '3004', ...env });
  const productionSecret = { AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };

  it('allows private networks in development and test, refuses them in production, unless set', () => {
    expect(allowsPrivateWebhookTargets(load({}))).toBe(true);
    expect(allowsPrivateWebhookTargets(load({ NODE_ENV: 'development' }))).toBe(true);
    expect(allowsPrivateWebhookTargets(load({ NODE_ENV: 'test' }))).toBe(true);
    expect(allowsPrivateWebhookTargets(load({ NODE_ENV: 'production', ...productionSecret }))).toBe(false);
    expect(allowsPrivateWebhookTargets(load({ NODE_ENV: 'production', ...productionSecret, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }))).toBe(true);
    expect(allowsPrivateWebhookTargets(load({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }))).toBe(false);
  });

  it('refuses a value that is not a boolean, naming the variable', () => {
    expect(() => load({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'maybe' })).toThrow(/WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false/);
  });
});
