import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { schemaDrift } from '@westgate/testing';
import { STATISTICS_MIGRATIONS } from '../src/migrations';
import { STATISTICS_ENTITIES } from '../src/trade-statistics.entities';

describe('trade-statistics schema', () => {
  it('is described by its entities exactly as its migrations build it (migration:generate finds nothing to do)', async () => {
    expect(await schemaDrift({ entities: STATISTICS_ENTITIES, migrations: [...PLATFORM_MIGRATIONS, ...STATISTICS_MIGRATIONS] })).toEqual([]);
  });
});
