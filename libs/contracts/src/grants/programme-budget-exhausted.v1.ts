import { Type } from 'class-transformer';
import { IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { IsMoney } from '@westgate/domain';
import { ActorV1 } from './application-event.v1';
import { ProgrammeStateV1 } from './programme-state.v1';

/**
 * `programme.budget-exhausted`: an approval was refused (409 `BUDGET_EXHAUSTED`) because the
 * programme's budget no longer had the amount. The programme's state as every programme event
 * carries it (read after the refusal, so `budget.available` is what was left), plus what was
 * refused. Nothing changed: `version` is the budget state the refusal saw, not a new one.
 */
export class ProgrammeBudgetExhaustedV1 extends ProgrammeStateV1 {
  /** The application whose approval was refused. */
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  enterpriseId!: string;

  /** The amount, in CNY, that could not be reserved (the approved amount asked for). */
  @IsMoney()
  requestedAmount!: string;

  /** Who tried to approve, in which role. */
  @ValidateNested()
  @Type(() => ActorV1)
  refusedBy!: ActorV1;

  @IsISO8601()
  refusedAt!: string;
}
