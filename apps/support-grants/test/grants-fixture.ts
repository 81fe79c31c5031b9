import { randomUUID } from 'node:crypto';
import { TOPICS, type CloudEvent, type EnterpriseStateV1 } from '@westgate/contracts';
import { generateUscc, type DesignatedTier, type Role } from '@westgate/domain';
import { createOrderedProducer, ensureTopics } from '@westgate/messaging';
import { startTestService, type TestService } from '@westgate/platform';
import { http, pollUntil, testKafka, tokenFor, type HttpResult, type JsonBody } from '@westgate/testing';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { grantsService } from '../src/support-grants.definition';

export const CYCLE = new Date().getUTCFullYear();

/** Tokens of the people in the tests: two officers, two reviewers, an admin, an analyst. */
export const people = {
  officer: { sub: 'officer-olga', name: 'Olga', roles: ['officer'] as Role[] },
  officer2: { sub: 'officer-oleg', name: 'Oleg', roles: ['officer'] as Role[] },
  reviewer: { sub: 'reviewer-rana', name: 'Rana', roles: ['reviewer'] as Role[] },
  reviewer2: { sub: 'reviewer-ravi', name: 'Ravi', roles: ['reviewer'] as Role[] },
  admin: { sub: 'admin-ada', name: 'Ada', roles: ['admin'] as Role[] },
  analyst: { sub: 'analyst-ana', name: 'Ana', roles: ['analyst'] as Role[] },
};
export type Person = keyof typeof people;

export interface EnterpriseSeed {
  id?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  sectors?: string[];
  tier?: DesignatedTier;
  cycle?: number;
  version?: number;
  name?: string;
}

/** support-grants on its own database and Kafka namespace, with a producer standing in for the registry. */
export class GrantsFixture {
  private producer!: Producer;
  private pg!: Pool;

  private constructor(readonly service: TestService) {}

  static async start(): Promise<GrantsFixture> {
    const fixture = new GrantsFixture(await startTestService(grantsService));
    const kafka = testKafka('grants-test');
    await ensureTopics(kafka, [fixture.service.topic(TOPICS.registryEnterprise)], { numPartitions: 3, replicationFactor: 1 });
    fixture.producer = createOrderedProducer(kafka);
    await fixture.producer.connect();
    fixture.pg = new Pool({ connectionString: fixture.service.databaseUrl, max: 4 });
    // pool.end() resolves before its sockets close, and the database is then dropped WITH FORCE.
    fixture.pg.on('error', () => undefined);
    return fixture;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.pg.end();
    await this.service.close();
  }

  token(person: Person): string {
    return tokenFor(people[person]);
  }

  enterpriseToken(enterpriseId: string): string {
    return tokenFor({ sub: `ent-user-${enterpriseId.slice(0, 8)}`, roles: ['enterprise'], enterpriseId });
  }

  call(method: string, path: string, as: Person | string | undefined, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<JsonBody>> {
    const token = as === undefined ? undefined : as in people ? this.token(as as Person) : as;
    return http(this.service.baseUrl, method, `/api/v1${path}`, { token, body, headers });
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query(sql, params)).rows as T[];
  }

  /** A registry event as the registry would publish it (full state, growing version). */
  enterpriseEvent(seed: EnterpriseSeed, type = 'westgate.registry.enterprise.registered.v1'): CloudEvent<EnterpriseStateV1> {
    const id = seed.id ?? randomUUID();
    const tier = seed.tier;
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: '/westgate/enterprise-registry',
      type,
      subject: id,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        id,
        uscc: generateUscc(Math.random),
        name: seed.name ?? `Enterprise ${id.slice(0, 8)}`,
        nameLocal: null,
        region: '650100',
        zoneCode: null,
        sectors: seed.sectors ?? ['AGRICULTURAL', 'MECHANICAL_ELECTRICAL'],
        contactEmail: `contact-${id.slice(0, 8)}@example.com`,
        status: seed.status ?? 'ACTIVE',
        designations: tier ? [{ cycle: seed.cycle ?? CYCLE, tier, designatedAt: new Date().toISOString() }] : [],
        version: seed.version ?? 1,
        updatedAt: new Date().toISOString(),
      },
    };
  }

  async publish(events: Array<CloudEvent<EnterpriseStateV1> | string>): Promise<void> {
    await this.producer.send({
      topic: this.service.topic(TOPICS.registryEnterprise),
      messages: events.map((event) => (typeof event === 'string' ? { key: 'junk', value: event } : { key: event.subject, value: JSON.stringify(event) })),
    });
  }

  /** Publishes an enterprise and waits until the projection has (at least) that version. */
  async enterprise(seed: EnterpriseSeed = {}): Promise<string> {
    const event = this.enterpriseEvent({ tier: 'BACKBONE', ...seed });
    await this.publish([event]);
    await this.awaitProjection(event.data.id, event.data.version);
    return event.data.id;
  }

  async awaitProjection(id: string, version: number): Promise<void> {
    await pollUntil(
      async () => {
        const [row] = await this.query<{ version: number }>('SELECT version FROM enterprise_projection WHERE id = $1', [id]);
        return row !== undefined && row.version >= version;
      },
      { description: `enterprise ${id} v${version} in the projection` },
    );
  }

  programmeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      code: `P-${randomUUID().slice(0, 8)}`,
      name: 'Export expansion support',
      cycle: CYCLE,
      budget: '1000000.00',
      eligibleTiers: ['BACKBONE', 'POTENTIAL'],
      purposes: ['EXPORT_EXPANSION', 'TRADE_FAIR'],
      maxGrantPerEnterprise: '500000.00',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      ...overrides,
    };
  }

  async programme(overrides: Record<string, unknown> = {}): Promise<JsonBody> {
    const res = await this.call('POST', '/programmes', 'admin', this.programmeBody(overrides));
    if (res.status !== 201) throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  applicationBody(programmeId: string, enterpriseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      programmeId,
      enterpriseId,
      purpose: 'EXPORT_EXPANSION',
      requestedAmount: '150000.00',
      title: 'Tomato paste exports to Kazakhstan',
      description: 'Market entry costs for three new buyers in Almaty.',
      ...overrides,
    };
  }

  async draft(programmeId: string, enterpriseId: string, overrides: Record<string, unknown> = {}, as: Person = 'officer'): Promise<JsonBody> {
    const res = await this.call('POST', '/applications', as, this.applicationBody(programmeId, enterpriseId, overrides));
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Drives an application from DRAFT up to `until`, checking every step. */
  async advance(applicationId: string, until: 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'DISBURSED', approvedAmount?: string): Promise<JsonBody> {
    const steps: Array<[string, Person, unknown]> = [
      ['submit', 'officer', {}],
      ['start-review', 'reviewer', {}],
      ['approve', 'reviewer', { ...(approvedAmount ? { approvedAmount } : {}), comment: 'Well argued' }],
    ];
    let last: JsonBody;
    for (const [action, as, body] of steps) {
      const res = await this.call('POST', `/applications/${applicationId}/${action}`, as, body);
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      last = res.body;
      if (last.status === until) return last;
    }
    const full = await this.call('POST', `/applications/${applicationId}/disbursements`, 'admin', { amount: last.approvedAmount, reference: 'REF-FULL' });
    if (full.status !== 201) throw new Error(`disburse: ${full.status} ${JSON.stringify(full.body)}`);
    return full.body;
  }
}
