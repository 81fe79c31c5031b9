import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery } from '../http/pagination';
import { flattenValidationErrors } from './validation-errors';

describe('flattenValidationErrors', () => {
  it('says once what several rules of one field say alike', () => {
    const errors = validateSync(plainToInstance(PageQuery, { limit: 'ten' }));
    expect(flattenValidationErrors(errors)).toEqual([{ field: 'limit', message: 'limit must be an integer from 1 to 500' }]);
  });

  it('keeps different messages of one field, and names nested fields by path', () => {
    const errors = validateSync(plainToInstance(PageQuery, { limit: 1, cursor: 'x'.repeat(201) }));
    expect(flattenValidationErrors(errors)).toEqual([{ field: 'cursor', message: 'cursor must be shorter than or equal to 200 characters' }]);
    expect(flattenValidationErrors([{ property: '0', children: [{ property: 'uscc', constraints: { a: 'bad' }, children: [] }] }], 'rows')).toEqual([
      { field: 'rows[0].uscc', message: 'bad' },
    ]);
  });
});
