import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { schemaDrift } from '@westgate/testing';
import { GRANTS_ENTITIES } from '../src/support-grants.entities';
import { GRANTS_MIGRATIONS } from '../src/migrations';

describe('support-grants schema', () => {
  it('is described by its entities exactly as its migrations build it (migration:generate finds nothing to do)', async () => {
    expect(await schemaDrift({ entities: GRANTS_ENTITIES, migrations: [...PLATFORM_MIGRATIONS, ...GRANTS_MIGRATIONS] })).toEqual([]);
  });
});
