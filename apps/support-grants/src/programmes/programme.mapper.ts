import { ApiProperty } from '@nestjs/swagger';
import type { ProgrammeStateV1 } from '@westgate/contracts';
import { GRANT_PURPOSES, TIERS, type GrantPurpose, type Tier } from '@westgate/domain';
import type { ProgrammeEntity } from './programme.entity';

/** The budget in CNY decimal strings; `available = total − reserved`. */
export class ProgrammeBudgetView {
  @ApiProperty({ description: 'CNY', example: '2500000.00' })
  total!: string;

  @ApiProperty({ description: 'CNY reserved by approvals', example: '1500000.00' })
  reserved!: string;

  @ApiProperty({ description: 'CNY paid out', example: '500000.00' })
  disbursed!: string;

  @ApiProperty({ description: 'CNY approvals may still reserve (total − reserved)', example: '1000000.00' })
  available!: string;
}

/** The API's representation of a programme: its event state plus who created it and when. */
export class ProgrammeView implements ProgrammeStateV1 {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TF-ASIA-EUROPE' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'programme cycle (year)', example: 2025 })
  cycle!: number;

  @ApiProperty({ type: ProgrammeBudgetView })
  budget!: ProgrammeBudgetView;

  @ApiProperty({ enum: TIERS, isArray: true })
  eligibleTiers!: Tier[];

  @ApiProperty({ type: [String], nullable: true, description: 'commodity categories; null: any sector' })
  eligibleSectors!: string[] | null;

  @ApiProperty({ enum: GRANT_PURPOSES, isArray: true })
  purposes!: GrantPurpose[];

  @ApiProperty({ description: 'CNY', example: '1500000.00' })
  maxGrantPerEnterprise!: string;

  @ApiProperty({ format: 'date-time' })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  closesAt!: string;

  @ApiProperty({ description: 'optimistic-concurrency version (also the ETag)', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'the creating admin (`sub`)' })
  createdBy!: string;
}

/** `available` is what approvals may still reserve. */
export function budgetOf(programme: ProgrammeEntity): ProgrammeBudgetView {
  return {
    total: programme.budgetTotal.toString(),
    reserved: programme.budgetReserved.toString(),
    disbursed: programme.budgetDisbursed.toString(),
    available: programme.budgetTotal.subtract(programme.budgetReserved).toString(),
  };
}

/** The programme's state as events carry it. */
export function programmeState(programme: ProgrammeEntity): ProgrammeStateV1 {
  return {
    id: programme.id,
    code: programme.code,
    name: programme.name,
    cycle: programme.cycle,
    budget: budgetOf(programme),
    eligibleTiers: programme.eligibleTiers,
    eligibleSectors: programme.eligibleSectors,
    purposes: programme.purposes,
    maxGrantPerEnterprise: programme.maxGrantPerEnterprise.toString(),
    opensAt: programme.opensAt.toISOString(),
    closesAt: programme.closesAt.toISOString(),
    version: programme.version,
    updatedAt: programme.updatedAt.toISOString(),
  };
}

/** The API's representation: the event state plus who created it and when. */
export function toProgrammeView(programme: ProgrammeEntity): ProgrammeView {
  return { ...programmeState(programme), createdAt: programme.createdAt.toISOString(), createdBy: programme.createdBy };
}
