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
