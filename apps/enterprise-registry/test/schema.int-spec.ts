import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { schemaDrift } from '@westgate/testing';
import { REGISTRY_ENTITIES } from '../src/enterprise-registry.entities';
import { REGISTRY_MIGRATIONS } from '../src/migrations';

describe('enterprise-registry schema', () => {
  it('is described by its entities exactly as its migrations build it (migration:generate finds nothing to do)', async () => {
    expect(await schemaDrift({ entities: REGISTRY_ENTITIES, migrations: [...PLATFORM_MIGRATIONS, ...REGISTRY_MIGRATIONS] })).toEqual([]);
  });
});
