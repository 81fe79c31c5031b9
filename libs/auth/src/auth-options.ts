export interface AuthModuleOptions {
  /** The HS256 secret, already checked by `resolveJwtSecret`. */
  secret: string;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
