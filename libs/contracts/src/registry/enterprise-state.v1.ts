import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DESIGNATED_TIERS, ENTERPRISE_STATUSES, type DesignatedTier, type EnterpriseStatus } from '@westgate/domain';

/** One live designation: the tier an enterprise holds in one programme cycle. */
export class EnterpriseDesignationV1 {
  @IsInt()
  @Min(2000)
  @Max(2100)
  cycle!: number;

  @IsIn(DESIGNATED_TIERS)
  tier!: DesignatedTier;

  @IsISO8601()
  designatedAt!: string;
}

/**
 * The enterprise's full current state, carried by every registry event so that consumers build
 * their projections without calling back. `version` grows with every change: a consumer keeps a
 * state only if its version is newer than what it has (duplicates and reordering are harmless).
 */
export class EnterpriseStateV1 {
  @IsUUID()
  id!: string;

  @IsString()
  @MaxLength(18)
  uscc!: string;

  @IsString()
  @MaxLength(300)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameLocal?: string | null;

  @IsString()
  @MaxLength(12)
  region!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode!: string | null;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  sectors!: string[];

  @IsEmail()
  contactEmail!: string;

  @IsIn(ENTERPRISE_STATUSES)
  status!: EnterpriseStatus;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EnterpriseDesignationV1)
  designations!: EnterpriseDesignationV1[];

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  updatedAt!: string;
}
