import { toSnakeCase } from './snake-naming.strategy';

describe('toSnakeCase', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['contactEmail', 'contact_email'],
    ['USCCCode', 'uscc_code'],
    ['enterprise_id', 'enterprise_id'],
    ['TierDesignation', 'tier_designation'],
  ])('%s → %s', (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });
});
