import { IsCycle } from '@westgate/domain';
import { ServiceConfig } from '@westgate/platform';
import { Type } from 'class-transformer';

/** Everything enterprise-registry reads from its environment, validated at boot. */
export class RegistryConfig extends ServiceConfig {
  /**
   * The programme cycle (a year) whose designation is an enterprise's current `tier`. Defaults to
   * the current year; pinned in environments that must not roll over on 1 January by themselves.
   */
  @Type(() => Number)
  @IsCycle()
  readonly PROGRAMME_CYCLE: number = new Date().getUTCFullYear();
}
