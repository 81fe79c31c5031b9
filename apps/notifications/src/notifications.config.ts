import { ServiceConfig } from '@westgate/platform';

/** Everything notifications reads from its environment, validated at boot. */
export class NotificationsConfig extends ServiceConfig {}
