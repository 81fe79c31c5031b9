import { jwtSecretProblem } from '@westgate/auth';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

const HOST_PORT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** A TCP port, 1–65535 (combine with `@Type(() => Number)`). */
export function IsPortNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPortNumber',
      validator: {
        validate: isPort,
        defaultMessage: () => '$property must be an integer between 1 and 65535',
      },
    },
    options,
  );
}

/** A `postgres://` or `postgresql://` URL with a host. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPostgresUrl',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
          } catch {
            return false;
          }
        },
        defaultMessage: (args?: ValidationArguments) =>
          args?.value === undefined
            ? '$property is required (a postgres:// or postgresql:// URL)'
            : '$property must be a postgres:// or postgresql:// URL',
      },
    },
    options,
  );
}

/** A non-empty array of `host:port` entries (the env value is split on commas beforehand). */
export function IsHostPortList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHostPortList',
      validator: {
        validate: (value: unknown): boolean =>
          Array.isArray(value) &&
          value.length > 0 &&
          value.every((entry) => {
            const port = typeof entry === 'string' ? HOST_PORT.exec(entry)?.[1] : undefined;
            return port !== undefined && isPort(Number(port));
          }),
        defaultMessage: () => '$property must be a comma-separated list of host:port',
      },
    },
    options,
  );
}

/** The HS256 secret, by auth's rule: the development default and short secrets are refused in production. */
export function IsJwtSecret(options?: ValidationOptions): PropertyDecorator {
  const problem = ({ value, object }: ValidationArguments): string | undefined =>
    typeof value === 'string' && value !== ''
      ? jwtSecretProblem(value, (object as { NODE_ENV?: string }).NODE_ENV)
      : '$property must be a non-empty string';
  return ValidateBy(
    {
      name: 'isJwtSecret',
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean => args !== undefined && problem(args) === undefined,
        defaultMessage: (args?: ValidationArguments): string => (args && problem(args)) ?? '$property is invalid',
      },
    },
    options,
  );
}
