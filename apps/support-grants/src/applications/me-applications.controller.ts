import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { ApiOkPageResponse, ProblemException } from '@westgate/platform';
import { DEFAULT_PAGE_SIZE, toPage, type Page } from '../api/page';
import { ApplicationView, toApplicationView } from './application.mapper';
import { ApplicationRepository } from './application.repository';
import { MyApplicationsQuery } from './dto/list-applications.query';

/** The enterprise's status check: its own applications, never anyone else's. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('me/applications')
export class MeApplicationsController {
  constructor(private readonly applications: ApplicationRepository) {}

  @Get()
  @Roles('enterprise')
  @ApiOkPageResponse(ApplicationView, "a page of the caller's enterprise's applications")
  async list(@Query() query: MyApplicationsQuery, @CurrentUser() user: AuthUser): Promise<Page<ApplicationView>> {
    if (!user.enterpriseId) throw new ProblemException(403, 'FORBIDDEN', 'The token names no enterprise');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.applications.list({ ...query, enterpriseId: user.enterpriseId, submittedBy: undefined, limit });
    return toPage(rows, limit, toApplicationView);
  }
}
