import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { GRANT_PURPOSES, IsMoney, ROLES, type GrantPurpose, type Role } from '@westgate/domain';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_REVIEW',
  'APPROVED',
  'REJECTED',
  'RETURNED',
  'PARTIALLY_DISBURSED',
  'DISBURSED',
  'CLOSED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who made a transition, and in which role. */
export class ActorV1 {
  @IsString()
  @MaxLength(200)
  id!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsIn(ROLES)
  role!: Role;
}

/**
 * One transition of a support application, with the application's state after it: ids,
 * programme, enterprise, status (and the status it left), amounts in CNY, actor and comment.
 */
export class ApplicationEventV1 {
  @IsUUID()
  id!: string;

  @IsUUID()
  programmeId!: string;

  @IsString()
  @MaxLength(64)
  programmeCode!: string;

  @IsString()
  @MaxLength(300)
  programmeName!: string;

  @IsUUID()
  enterpriseId!: string;

  @IsString()
  @MaxLength(300)
  title!: string;

  @IsIn(GRANT_PURPOSES)
  purpose!: GrantPurpose;

  @IsIn(APPLICATION_STATUSES)
  status!: ApplicationStatus;

  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  fromStatus!: ApplicationStatus | null;

  @IsMoney()
  requestedAmount!: string;

  @IsOptional()
  @IsMoney()
  approvedAmount!: string | null;

  @IsMoney({ allowZero: true })
  disbursedAmount!: string;

  /** The officer who submitted it (told of every decision). */
  @IsString()
  @MaxLength(200)
  submittedBy!: string;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment!: string | null;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  occurredAt!: string;
}

/** One tranche paid out of an approved application. */
export class DisbursementTrancheV1 {
  @IsUUID()
  id!: string;

  /** What this tranche paid, in CNY (the event's `disbursedAmount` is the total so far). */
  @IsMoney()
  amount!: string;

  /** The payment's reference, e.g. the treasury's transfer number. */
  @IsString()
  @MaxLength(200)
  reference!: string;

  @IsISO8601()
  disbursedAt!: string;
}

/**
 * `application.disbursed`: the application's state, plus the tranche just paid. `tranche` was
 * added to v1 after its first release, so it is optional here: events published before it stay
 * valid, and consumers fall back on `disbursedAmount` without it. Producers always send it.
 */
export class ApplicationDisbursedEventV1 extends ApplicationEventV1 {
  @IsOptional()
  @ValidateNested()
  @Type(() => DisbursementTrancheV1)
  tranche?: DisbursementTrancheV1;
}
