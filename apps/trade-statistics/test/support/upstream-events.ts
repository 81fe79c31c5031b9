import { randomUUID } from 'node:crypto';
import {
  ApplicationApproved,
  EnterpriseRegistered,
  EnterpriseUpdated,
  TOPICS,
  type ApplicationEventV1,
  type CloudEvent,
  type EnterpriseStateV1,
} from '@westgate/contracts';
import { createOrderedProducer, ensureTopics } from '@westgate/messaging';
import type { TestService } from '@westgate/platform';
import { testKafka } from '@westgate/testing';
import type { Producer } from 'kafkajs';

export interface TestEnterprise {
  id: string;
  uscc: string;
  name: string;
  zoneCode: string | null;
  designations: Array<{ cycle: number; tier: 'BACKBONE' | 'POTENTIAL' }>;
  version: number;
}

function envelope<T>(type: string, subject: string, data: T): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/westgate/test-upstream',
    type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data,
  };
}

/** Plays the registry and grants services: their events, on the test's namespaced topics. */
export class Upstream {
  private readonly kafka = testKafka('trade-statistics-upstream');
  private producer?: Producer;

  constructor(private readonly service: TestService) {}

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      this.producer = createOrderedProducer(this.kafka);
      await this.producer.connect();
      await ensureTopics(this.kafka, [this.service.topic(TOPICS.registryEnterprise), this.service.topic(TOPICS.grantsApplication)], {
        numPartitions: 3,
        replicationFactor: 1,
      });
    }
    return this.producer;
  }

  /** The registry's full state of an enterprise (registered at version 1, updated after). */
  async enterprise(enterprise: TestEnterprise): Promise<void> {
    const state: EnterpriseStateV1 = {
      id: enterprise.id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      nameLocal: null,
      region: '650100',
      zoneCode: enterprise.zoneCode,
      sectors: ['MECHANICAL_ELECTRICAL'],
      contactEmail: 'trade@example.com',
      status: 'ACTIVE',
      designations: enterprise.designations.map((d) => ({ ...d, designatedAt: '2025-01-15T00:00:00.000Z' })),
      version: enterprise.version,
      updatedAt: new Date().toISOString(),
    };
    const type = enterprise.version === 1 ? EnterpriseRegistered.type : EnterpriseUpdated.type;
    await (await this.connected()).send({
      topic: this.service.topic(TOPICS.registryEnterprise),
      messages: [{ key: enterprise.id, value: JSON.stringify(envelope(type, enterprise.id, state)) }],
    });
  }

  /** grants: an application approved at `occurredAt`. */
  async approved(enterpriseId: string, occurredAt: string): Promise<void> {
    const data: ApplicationEventV1 = {
      id: randomUUID(),
      programmeId: randomUUID(),
      programmeCode: 'EXPORT-2025',
      programmeName: 'Export expansion 2025',
      enterpriseId,
      title: 'Trade fair participation',
      purpose: 'EXPORT_EXPANSION',
      status: 'APPROVED',
      fromStatus: 'UNDER_REVIEW',
      requestedAmount: '100000.00',
      approvedAmount: '80000.00',
      disbursedAmount: '0.00',
      submittedBy: 'officer-1',
      actor: { id: 'reviewer-1', role: 'reviewer' },
      comment: null,
      version: 4,
      occurredAt,
    };
    await (await this.connected()).send({
      topic: this.service.topic(TOPICS.grantsApplication),
      messages: [{ key: data.id, value: JSON.stringify(envelope(ApplicationApproved.type, data.id, data)) }],
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
