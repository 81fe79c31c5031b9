import { ConfigurationError, loadConfig } from '@westgate/platform';
import { RegistryConfig } from './enterprise-registry.config';
import { registryService } from './enterprise-registry.definition';

describe('RegistryConfig', () => {
  const load = (env: Record<string, string>) => loadConfig(RegistryConfig, env, registryService.defaults);

  it('takes the current year as the programme cycle by default, and the registry defaults', () => {
    const config = load({});
    expect(config.PROGRAMME_CYCLE).toBe(new Date().getUTCFullYear());
    expect(config.PORT).toBe(3001);
    expect(config.DATABASE_URL).toMatch(/westgate_enterprise_registry$/);
  });

  it('reads PROGRAMME_CYCLE from the environment', () => {
    expect(load({ PROGRAMME_CYCLE: '2031' }).PROGRAMME_CYCLE).toBe(2031);
  });

  it.each(['soon', '1999', '2101', '2026.5'])('refuses PROGRAMME_CYCLE=%s, naming the variable', (value) => {
    expect(() => load({ PROGRAMME_CYCLE: value })).toThrow(ConfigurationError);
    expect(() => load({ PROGRAMME_CYCLE: value })).toThrow(/PROGRAMME_CYCLE/);
  });
});
