import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { ConfigurationError } from './configuration.error';
import type { ServiceConfig } from './service-config';

export type ConfigClass<C extends ServiceConfig> = new () => C;

/** Per-service fallbacks for variables the environment leaves unset, e.g. `PORT`, `DATABASE_URL`. */
export type ConfigDefaults<C extends ServiceConfig> = Partial<Record<Extract<keyof C, string>, string | number>>;

type Env = Readonly<Record<string, string | undefined>>;

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|CREDENTIAL|PRIVATE|_KEY$/i;

/** The variable names a config class declares: those with class-validator metadata. */
function declaredVariables(configClass: ConfigClass<ServiceConfig>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** The value as it may appear in an error message: secrets never, URL passwords masked. */
function shown(name: string, raw: string | number): string {
  if (SECRET_NAME.test(name)) return '';
  let text = String(raw);
  try {
    const url = new URL(text);
    if (url.password !== '') {
      url.password = '***';
      text = url.toString();
    }
  } catch {
    // Not a URL: nothing to mask.
  }
  return ` (got '${text}')`;
}

/**
 * Reads the variables `configClass` declares from `env` (falling back to `defaults`, then to
 * the class's initialisers), converts and validates them, and returns a frozen instance.
 * Throws `ConfigurationError` listing every bad variable. Empty strings count as unset.
 */
export function loadConfig<C extends ServiceConfig>(
  configClass: ConfigClass<C>,
  env: Env = process.env,
  defaults: ConfigDefaults<C> = {},
): C {
  const raw: Record<string, string | number> = {};
  for (const name of declaredVariables(configClass)) {
    const fromEnv = env[name];
    const fallback = (defaults as Record<string, string | number | undefined>)[name];
    if (fromEnv !== undefined && fromEnv !== '') raw[name] = fromEnv;
    else if (fallback !== undefined) raw[name] = fallback;
  }
  const config = plainToInstance(configClass, raw);

  const problems = validateSync(config, { forbidUnknownValues: true }).map((error: ValidationError) => {
    const reasons = Object.values(error.constraints ?? {}).join(', ');
    const value = raw[error.property];
    return `${reasons}${value === undefined ? '' : shown(error.property, value)}`;
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return Object.freeze(config);
}
