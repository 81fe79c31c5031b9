import { schemaDrift } from '@westgate/testing';
import cliDataSource from '../src/data-source';

describe('trade-statistics schema', () => {
  it('is described by its entities exactly as its migrations build it (migration:generate finds nothing to do)', async () => {
    expect(await schemaDrift(cliDataSource.options)).toEqual([]);
  });
});
