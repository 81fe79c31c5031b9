import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import { isStaff } from './auth-user';
import { assertCanSeeEnterprise, canSeeEnterprise } from './enterprise-scope.rules';

const OWN = '3f1c2a8e-7b6d-4c5e-9f0a-1b2c3d4e5f60';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const enterpriseUser: AuthUser = { id: 'e-1', roles: ['enterprise'], enterpriseId: OWN };

describe('enterprise scoping', () => {
  it('lets an enterprise caller see its own enterprise, whatever the case of the id', () => {
    expect(canSeeEnterprise(enterpriseUser, OWN)).toBe(true);
    expect(() => assertCanSeeEnterprise(enterpriseUser, OWN.toUpperCase())).not.toThrow();
  });

  it('answers 404, not 403, for another enterprise', () => {
    expect(canSeeEnterprise(enterpriseUser, OTHER)).toBe(false);
    expect(() => assertCanSeeEnterprise(enterpriseUser, OTHER)).toThrow(NotFoundException);
  });

  it('throws the caller-supplied not-found error so both 404s look alike', () => {
    const notFound = (): Error => new NotFoundException(`Application 42 not found`);
    expect(() => assertCanSeeEnterprise(enterpriseUser, OTHER, notFound)).toThrow('Application 42 not found');
  });

  it.each(['admin', 'officer', 'reviewer', 'analyst'] as const)('lets staff role %s see every enterprise', (role) => {
    const staff: AuthUser = { id: 's-1', roles: [role] };
    expect(isStaff(staff)).toBe(true);
    expect(() => assertCanSeeEnterprise(staff, OTHER)).not.toThrow();
  });

  it('treats a caller that is both enterprise and staff as staff', () => {
    const both: AuthUser = { id: 'x', roles: ['enterprise', 'analyst'], enterpriseId: OWN };
    expect(canSeeEnterprise(both, OTHER)).toBe(true);
  });

  it('lets a caller without roles see no enterprise', () => {
    const nobody: AuthUser = { id: 'n', roles: [] };
    expect(isStaff(nobody)).toBe(false);
    expect(canSeeEnterprise(nobody, OWN)).toBe(false);
  });
});
