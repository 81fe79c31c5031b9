import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { schemaDrift } from '@westgate/testing';
import { NOTIFICATIONS_ENTITIES } from '../src/notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from '../src/migrations';

describe('notifications schema', () => {
  it('is described by its entities exactly as its migrations build it (migration:generate finds nothing to do)', async () => {
    expect(await schemaDrift({ entities: NOTIFICATIONS_ENTITIES, migrations: [...PLATFORM_MIGRATIONS, ...NOTIFICATIONS_MIGRATIONS] })).toEqual([]);
  });
});
