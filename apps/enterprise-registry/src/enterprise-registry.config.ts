import { ServiceConfig } from '@westgate/platform';

/** Everything enterprise-registry reads from its environment, validated at boot. */
export class RegistryConfig extends ServiceConfig {}
