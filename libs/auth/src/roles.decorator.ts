import { SetMetadata } from '@nestjs/common';
import type { Role } from '@westgate/domain';

export const ROLES_KEY = 'westgate:auth:roles';

/**
 * The caller needs at least one of these roles (403 otherwise). On a method it replaces the
 * controller's list. Without `@Roles` any authenticated caller is let in.
 */
export const Roles = (...roles: Role[]): ClassDecorator & MethodDecorator => SetMetadata(ROLES_KEY, roles);
