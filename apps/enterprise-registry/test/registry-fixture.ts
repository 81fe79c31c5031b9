import { ENTERPRISE_EVENTS, TOPICS, validateEvent, type CloudEvent, type EnterpriseStateV1 } from '@westgate/contracts';
import { generateUscc, type Role } from '@westgate/domain';
import { startTestService, type TestService } from '@westgate/platform';
import { http, pollUntil, testKafka, tokenFor, TopicRecorder, type HttpResult, type JsonBody } from '@westgate/testing';
import { Client } from 'pg';
import { registryService } from '../src/enterprise-registry.definition';

export const CYCLE = new Date().getUTCFullYear();

/** A plausible registration body with a fresh USCC; `overrides` replace or add fields. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const uscc = generateUscc(Math.random);
  return {
    uscc,
    name: `Test Trading ${uscc.slice(8, 16)} Co., Ltd.`,
    region: 'Urumqi',
    sectors: ['MECHANICAL_ELECTRICAL'],
    contactEmail: `trade-${uscc.slice(8, 16).toLowerCase()}@example.cn`,
    ...overrides,
  };
}

export interface RegistryFixture {
  service: TestService;
  baseUrl: string;
  topic: string;
  recorder: TopicRecorder;
  db: Client;
  token: (role: Role, enterpriseId?: string) => string;
  call: (method: string, path: string, options?: { role?: Role; token?: string; body?: unknown; headers?: Record<string, string> }) => Promise<HttpResult>;
  /** Registers an enterprise as an officer and returns its representation. */
  register: (overrides?: Record<string, unknown>) => Promise<JsonBody>;
  /** The registry events recorded so far for one enterprise, decoded and checked against the contract. */
  eventsOf: (enterpriseId: string) => CloudEvent<EnterpriseStateV1>[];
  /** Waits until `count` events of the enterprise have arrived. */
  awaitEvents: (enterpriseId: string, count: number) => Promise<CloudEvent<EnterpriseStateV1>[]>;
  close: () => Promise<void>;
}

function decode(value: string | null): CloudEvent<EnterpriseStateV1> {
  const result = validateEvent<EnterpriseStateV1>(JSON.parse(value ?? 'null'), ENTERPRISE_EVENTS);
  if (!result.ok) throw new Error(`a registry event breaks its contract: ${result.problems.join('; ')}`);
  return result.event;
}

/** One registry on its own database and Kafka namespace, with a recorder on its topic. */
export async function startRegistry(env: Record<string, string> = {}): Promise<RegistryFixture> {
  const service = await startTestService(registryService, { env });
  const topic = service.topic(TOPICS.registryEnterprise);
  const recorder = await new TopicRecorder(testKafka('registry-test'), [topic]).start();
  const db = new Client({ connectionString: service.databaseUrl });
  await db.connect();
  const token = (role: Role, enterpriseId?: string): string => tokenFor({ roles: [role], sub: `${role}-1`, enterpriseId });
  const call: RegistryFixture['call'] = (method, path, options = {}) =>
    http(service.baseUrl, method, `/api/v1${path}`, {
      token: options.token ?? token(options.role ?? 'admin'),
      body: options.body,
      headers: options.headers,
    });
  const eventsOf = (enterpriseId: string) => recorder.on(topic).filter((m) => m.key === enterpriseId).map((m) => decode(m.value));
  return {
    service,
    baseUrl: service.baseUrl,
    topic,
    recorder,
    db,
    token,
    call,
    register: async (overrides = {}) => {
      const response = await call('POST', '/enterprises', { role: 'officer', body: registration(overrides) });
      if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    eventsOf,
    awaitEvents: (enterpriseId, count) =>
      pollUntil(() => eventsOf(enterpriseId).length >= count && eventsOf(enterpriseId), { description: `${count} events of ${enterpriseId}` }),
    close: async () => {
      await recorder.stop();
      await db.end();
      await service.close();
    },
  };
}

/** Rows in the tables a refused request must not touch. */
export async function writeCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query<{ enterprises: string; designations: string; history: string; outbox: string; quota: string }>(
    `SELECT (SELECT count(*) FROM enterprise) AS enterprises, (SELECT count(*) FROM tier_designation) AS designations,
            (SELECT count(*) FROM enterprise_history) AS history, (SELECT count(*) FROM outbox) AS outbox,
            (SELECT coalesce(sum(used), 0) FROM tier_quota) AS quota`,
  );
  const row = rows[0];
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}
