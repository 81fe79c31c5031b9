import { ServiceConfig } from '@westgate/platform';

/** Everything support-grants reads from its environment, validated at boot. */
export class GrantsConfig extends ServiceConfig {}
