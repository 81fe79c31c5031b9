import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { GRANT_PURPOSES, IsMoney, TIERS, type GrantPurpose, type Tier } from '@westgate/domain';

/** A programme's budget in CNY decimal strings; `available = total − reserved`. */
export class ProgrammeBudgetV1 {
  @IsMoney({ allowZero: true })
  total!: string;

  @IsMoney({ allowZero: true })
  reserved!: string;

  @IsMoney({ allowZero: true })
  disbursed!: string;

  @IsMoney({ allowZero: true })
  available!: string;
}

/** A support programme's full current state, on every programme event. */
export class ProgrammeStateV1 {
  @IsUUID()
  id!: string;

  @IsString()
  @MaxLength(64)
  code!: string;

  @IsString()
  @MaxLength(300)
  name!: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  cycle!: number;

  @ValidateNested()
  @Type(() => ProgrammeBudgetV1)
  budget!: ProgrammeBudgetV1;

  @IsArray()
  @IsIn(TIERS, { each: true })
  eligibleTiers!: Tier[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  eligibleSectors!: string[] | null;

  @IsArray()
  @IsIn(GRANT_PURPOSES, { each: true })
  purposes!: GrantPurpose[];

  @IsMoney()
  maxGrantPerEnterprise!: string;

  @IsISO8601()
  opensAt!: string;

  @IsISO8601()
  closesAt!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  updatedAt!: string;
}
