import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@westgate/auth';
import { ProblemException } from '@westgate/platform';
import { EnterpriseProjectionRepository } from './enterprise-projection.repository';

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
  async get(@Param('id') id: string): Promise<Record<string, unknown>> {
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
