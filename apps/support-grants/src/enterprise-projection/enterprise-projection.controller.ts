import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@westgate/auth';
import { DESIGNATED_TIERS, ENTERPRISE_STATUSES, type DesignatedTier, type EnterpriseStatus } from '@westgate/domain';
import { ProblemException } from '@westgate/platform';
import { EnterpriseProjectionRepository } from './enterprise-projection.repository';

/** A designation as the registry's events carry it. */
export class ProjectedDesignationView {
  @ApiProperty({ description: 'programme cycle (year)', example: 2025 })
  cycle!: number;

  @ApiProperty({ enum: DESIGNATED_TIERS })
  tier!: DesignatedTier;

  @ApiProperty({ format: 'date-time' })
  designatedAt!: string;
}

/** support-grants' copy of a registry enterprise. */
export class EnterpriseProjectionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '91650100MA77T9XU4D' })
  uscc!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  region!: string;

  @ApiProperty({ nullable: true, type: String })
  zoneCode!: string | null;

  @ApiProperty({ type: [String], description: 'commodity categories' })
  sectors!: string[];

  @ApiProperty({ enum: ENTERPRISE_STATUSES })
  status!: EnterpriseStatus;

  @ApiProperty({ type: [ProjectedDesignationView] })
  designations!: ProjectedDesignationView[];

  @ApiProperty({ description: "the registry's version of the enterprise" })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'when the registry last changed it' })
  stateUpdatedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when support-grants last applied an event' })
  projectedAt!: string;
}

/**
 * Not in API.md: what support-grants knows of an enterprise (its copy of the registry's state),
 * so that staff can see why an application is or is not eligible, and how fresh the copy is.
 */
@ApiTags('enterprise projection')
@ApiBearerAuth()
@Controller('enterprise-projection')
export class EnterpriseProjectionController {
  constructor(private readonly enterprises: EnterpriseProjectionRepository) {}

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: EnterpriseProjectionView })
  async get(@Param('id') id: string): Promise<EnterpriseProjectionView> {
    const enterprise = await this.enterprises.find(id);
    if (!enterprise) throw new ProblemException(404, 'NOT_FOUND', `Enterprise ${id} is not known to support-grants (yet)`);
    return {
      id: enterprise.id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      region: enterprise.region,
      zoneCode: enterprise.zoneCode,
      sectors: enterprise.sectors,
      status: enterprise.status,
      designations: enterprise.designations,
      version: enterprise.version,
      stateUpdatedAt: enterprise.stateUpdatedAt.toISOString(),
      projectedAt: enterprise.projectedAt.toISOString(),
    };
  }
}
