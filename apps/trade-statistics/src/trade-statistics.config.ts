import { ServiceConfig } from '@westgate/platform';

/** Everything trade-statistics reads from its environment, validated at boot. */
export class StatisticsConfig extends ServiceConfig {}
