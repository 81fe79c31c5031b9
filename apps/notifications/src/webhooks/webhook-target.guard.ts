import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAll } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { allowsPrivateWebhookTargets, NotificationsConfig } from '../notifications.config';
import { forbiddenAddressProblem, ipLiteralOf, privateTargetMessage } from './webhook-address.rules';

/** Why none of `addresses` of `host` may be connected to, or undefined when all are public. */
function addressesProblem(host: string, addresses: readonly string[]): string | undefined {
  for (const address of addresses) {
    const problem = forbiddenAddressProblem(address);
    if (problem !== undefined) return privateTargetMessage(host, address, problem);
  }
  return undefined;
}

/**
 * Keeps webhooks out of internal networks unless `WEBHOOK_ALLOW_PRIVATE_NETWORKS` allows them
 * (webhook-address.rules.ts says which addresses are internal). Checked twice: when a URL is
 * registered, and in the socket's own DNS lookup when a delivery connects, so the address checked
 * is the address used — a name re-bound to an internal address after registration is refused too.
 */
@Injectable()
export class WebhookTargetGuard {
  readonly allowsPrivate: boolean;

  constructor(config: NotificationsConfig) {
    this.allowsPrivate = allowsPrivateWebhookTargets(config);
  }

  /**
   * Why `url` may not be registered, or undefined. A name that does not resolve now is accepted:
   * DNS may be down or the receiver not set up yet, and every delivery is checked anyway.
   */
  async registrationProblem(url: string): Promise<string | undefined> {
    if (this.allowsPrivate) return undefined;
    const { hostname } = new URL(url);
    const literal = ipLiteralOf(hostname);
    if (literal !== undefined) return addressesProblem(hostname, [literal]);
    const addresses = await dnsLookupAll(hostname, { all: true }).catch(() => [] as LookupAddress[]);
    return addressesProblem(hostname, addresses.map((entry) => entry.address));
  }

  /** Why a delivery to `url` is refused before connecting (an IP literal is never looked up), or undefined. */
  literalProblem(url: URL): string | undefined {
    if (this.allowsPrivate) return undefined;
    const literal = ipLiteralOf(url.hostname);
    return literal === undefined ? undefined : addressesProblem(url.hostname, [literal]);
  }

  /** The DNS lookup of delivery sockets: fails when the name resolves to any internal address. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const problem = this.allowsPrivate ? undefined : addressesProblem(hostname, addresses.map((entry) => entry.address));
      if (problem !== undefined) return callback(new Error(problem), '', 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
