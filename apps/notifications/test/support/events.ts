import { randomUUID } from 'node:crypto';
import type {
  ApplicationEventV1,
  ApplicationStatus,
  CloudEvent,
  EnterpriseStateV1,
  EventDefinition,
  ExportDeclineAlertV1,
  ProgrammeStateV1,
} from '@westgate/contracts';
import { generateUscc } from '@westgate/domain';

/** CloudEvents as the other services publish them, for feeding the consumers in tests. */
export function cloudEvent<T extends object>(definition: EventDefinition<T>, subject: string, data: T, id = randomUUID()): CloudEvent<T> {
  return {
    specversion: '1.0',
    id,
    source: `/westgate/${definition.topic.split('.')[1]}`,
    type: definition.type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data,
  };
}

export function enterpriseState(overrides: Partial<EnterpriseStateV1> = {}): EnterpriseStateV1 {
  return {
    id: randomUUID(),
    uscc: generateUscc(Math.random),
    name: 'Khorgos Trading Co.',
    nameLocal: '霍尔果斯贸易有限公司',
    region: '654000',
    zoneCode: null,
    sectors: ['AGRICULTURAL'],
    contactEmail: 'contact@khorgos-trading.example',
    status: 'ACTIVE',
    designations: [],
    version: 1,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function programmeState(overrides: Partial<ProgrammeStateV1> = {}): ProgrammeStateV1 {
  return {
    id: randomUUID(),
    code: 'EXP-2026',
    name: 'Export expansion 2026',
    cycle: 2026,
    budget: { total: '10000000.00', reserved: '0.00', disbursed: '0.00', available: '10000000.00' },
    eligibleTiers: ['BACKBONE', 'POTENTIAL'],
    eligibleSectors: null,
    purposes: ['EXPORT_EXPANSION'],
    maxGrantPerEnterprise: '2000000.00',
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-12-31T00:00:00.000Z',
    version: 1,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** One application moving through its workflow: each call is the next transition's event payload. */
export class ApplicationStory {
  private version = 1;
  private status: ApplicationStatus = 'DRAFT';
  readonly id = randomUUID();

  constructor(
    readonly enterpriseId: string,
    readonly submittedBy: string,
    readonly title = 'Asia-Europe Expo stand 2026',
    readonly programme = { id: randomUUID(), code: 'EXP-2026', name: 'Export expansion 2026' },
  ) {}

  approvedAmount: string | null = null;
  disbursedAmount = '0.00';

  next(
    status: ApplicationStatus,
    actor: { id: string; role: ApplicationEventV1['actor']['role']; name?: string },
    extra: { comment?: string; approvedAmount?: string; disbursedAmount?: string } = {},
  ): ApplicationEventV1 {
    if (extra.approvedAmount) this.approvedAmount = extra.approvedAmount;
    if (extra.disbursedAmount) this.disbursedAmount = extra.disbursedAmount;
    const event: ApplicationEventV1 = {
      id: this.id,
      programmeId: this.programme.id,
      programmeCode: this.programme.code,
      programmeName: this.programme.name,
      enterpriseId: this.enterpriseId,
      title: this.title,
      purpose: 'TRADE_FAIR',
      status,
      fromStatus: this.status,
      requestedAmount: '1500000.00',
      approvedAmount: this.approvedAmount,
      disbursedAmount: this.disbursedAmount,
      submittedBy: this.submittedBy,
      actor,
      comment: extra.comment ?? null,
      version: ++this.version,
      occurredAt: new Date().toISOString(),
    };
    this.status = status;
    return event;
  }
}

export function exportDeclineAlert(overrides: Partial<ExportDeclineAlertV1> = {}): ExportDeclineAlertV1 {
  return {
    enterpriseId: randomUUID(),
    uscc: generateUscc(Math.random),
    enterpriseName: 'Tacheng Machinery Ltd.',
    tier: 'BACKBONE',
    cycle: 2026,
    period: '2026-02',
    exportsUsd: '650000.00',
    previousYearExportsUsd: '1000000.00',
    changeRatio: '-0.3500',
    ...overrides,
  };
}
