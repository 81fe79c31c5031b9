import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '../topics/topics';
import { asyncApiDocument } from './asyncapi';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument() as {
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it('is committed as generated (run `npm run asyncapi` after changing a contract)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('has a channel with messages for every topic services publish to', () => {
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    for (const topic of [TOPICS.registryEnterprise, TOPICS.grantsProgramme, TOPICS.grantsApplication, TOPICS.tradeAlert]) {
      expect(addresses).toContain(topic);
    }
  });

  it('describes payload fields from their validation rules, nested classes by reference', () => {
    const state = document.components.schemas.EnterpriseStateV1;
    expect(state.required).toEqual(expect.arrayContaining(['id', 'uscc', 'name', 'status', 'designations', 'version']));
    expect(state.properties?.status).toEqual({ enum: ['ACTIVE', 'INACTIVE'] });
    expect(state.properties?.designations).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/EnterpriseDesignationV1' } });
    expect(document.components.schemas.ProgrammeBudgetV1.properties?.total).toMatchObject({ type: 'string', description: 'exact decimal amount' });
  });
});
