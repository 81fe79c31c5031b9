import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, STAFF_ROLES, type AuthUser } from '@westgate/auth';
import type { FastifyReply } from 'fastify';
import { ApiOkPageResponse } from '@westgate/platform';
import { etagFor } from '../api/etag';
import { decodeCursor, DEFAULT_PAGE_SIZE, PageQuery, toPage, type Page } from '../api/page';
import type { ApplicationEntity } from './application.entity';
import {
  ApplicationView,
  DisbursedApplicationView,
  DisbursementView,
  TimelineEntryView,
  toApplicationView,
  toTimelineEntryView,
} from './application.mapper';
import { ApplicationRepository } from './application.repository';
import { ApproveApplicationUseCase } from './approve-application.usecase';
import { CloseApplicationUseCase } from './close-application.usecase';
import { CreateApplicationUseCase } from './create-application.usecase';
import { CreateApplicationDto } from './dto/create-application.dto';
import { EditApplicationDto } from './dto/edit-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';
import { ApproveDto, CommentDto, DisbursementDto, RejectDto, ReturnDto, WithdrawDto } from './dto/transition.dto';
import { EditApplicationUseCase } from './edit-application.usecase';
import { RecordDisbursementUseCase } from './record-disbursement.usecase';
import { RejectApplicationUseCase } from './reject-application.usecase';
import { ReturnApplicationUseCase } from './return-application.usecase';
import { StartReviewUseCase } from './start-review.usecase';
import { SubmitApplicationUseCase } from './submit-application.usecase';
import { WithdrawApplicationUseCase } from './withdraw-application.usecase';

/** The application with its ETag (its version). */
function respond(res: FastifyReply, application: ApplicationEntity): ApplicationView {
  res.header('ETag', etagFor(application.version));
  return toApplicationView(application);
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly createApplication: CreateApplicationUseCase,
    private readonly editApplication: EditApplicationUseCase,
    private readonly submitApplication: SubmitApplicationUseCase,
    private readonly startReview: StartReviewUseCase,
    private readonly approveApplication: ApproveApplicationUseCase,
    private readonly rejectApplication: RejectApplicationUseCase,
    private readonly returnApplication: ReturnApplicationUseCase,
    private readonly withdrawApplication: WithdrawApplicationUseCase,
    private readonly recordDisbursement: RecordDisbursementUseCase,
    private readonly closeApplication: CloseApplicationUseCase,
  ) {}

  @Post()
  @Roles('officer')
  @ApiCreatedResponse({ type: ApplicationView, description: 'created, status DRAFT; Location and ETag headers' })
  async create(@Body() body: CreateApplicationDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    const application = await this.createApplication.execute(body, user);
    res.header('Location', `/api/v1/applications/${application.id}`);
    return respond(res, application);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkPageResponse(ApplicationView, 'a page of applications')
  async list(@Query() query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.applications.list({ ...query, limit });
    return toPage(rows, limit, toApplicationView);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES, 'enterprise')
  @ApiOkResponse({ type: ApplicationView, description: 'the application; ETag header' })
  async get(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.applications.getVisible(id, user));
  }

  @Patch(':id')
  @Roles('officer')
  @ApiOkResponse({ type: ApplicationView, description: 'the edited application; ETag header' })
  async edit(
    @Param('id') id: string,
    @Body() body: EditApplicationDto,
    @CurrentUser() user: AuthUser,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ApplicationView> {
    return respond(res, await this.editApplication.execute(id, body, user, ifMatch));
  }

  @Get(':id/timeline')
  @Roles(...STAFF_ROLES, 'enterprise')
  @ApiOkPageResponse(TimelineEntryView, 'transitions, oldest first; the first is the creation')
  async timeline(@Param('id') id: string, @Query() query: PageQuery, @CurrentUser() user: AuthUser): Promise<Page<TimelineEntryView>> {
    const application = await this.applications.getVisible(id, user);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.applications.timeline(application.id, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, toTimelineEntryView);
  }

  @Get(':id/disbursements')
  @Roles(...STAFF_ROLES, 'enterprise')
  @ApiOkPageResponse(DisbursementView, 'every payment (one page, nextCursor null)')
  async disbursements(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<Page<DisbursementView>> {
    const application = await this.applications.getVisible(id, user);
    const rows = await this.applications.disbursements(application.id);
    return {
      items: rows.map((d) => ({ id: d.id, amount: d.amount.toString(), reference: d.reference, disbursedBy: d.disbursedBy, disbursedAt: d.disbursedAt.toISOString() })),
      nextCursor: null,
    };
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('officer')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now SUBMITTED; ETag header' })
  async submit(@Param('id') id: string, @Body() body: CommentDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.submitApplication.execute(id, user, body.comment));
  }

  @Post(':id/start-review')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now UNDER_REVIEW; ETag header' })
  async review(@Param('id') id: string, @Body() body: CommentDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.startReview.execute(id, user, body.comment));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now APPROVED, budget reserved; ETag header' })
  async approve(@Param('id') id: string, @Body() body: ApproveDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.approveApplication.execute(id, user, body));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now REJECTED; ETag header' })
  async reject(@Param('id') id: string, @Body() body: RejectDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.rejectApplication.execute(id, user, body));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now RETURNED; ETag header' })
  async return(@Param('id') id: string, @Body() body: ReturnDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.returnApplication.execute(id, user, body.comment));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('officer', 'enterprise')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now WITHDRAWN; ETag header' })
  async withdraw(@Param('id') id: string, @Body() body: WithdrawDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    const comment = [body.reason, body.comment].filter((text): text is string => Boolean(text)).join('\n\n') || undefined;
    return respond(res, await this.withdrawApplication.execute(id, user, comment?.slice(0, 4000)));
  }

  @Post(':id/disbursements')
  @Roles('admin')
  @ApiCreatedResponse({ type: DisbursedApplicationView, description: 'the application (PARTIALLY_DISBURSED or DISBURSED) with the payment' })
  async disburse(
    @Param('id') id: string,
    @Body() body: DisbursementDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<DisbursedApplicationView> {
    const { application, disbursement } = await this.recordDisbursement.execute(id, user, body);
    return {
      ...respond(res, application),
      disbursement: {
        id: disbursement.id,
        amount: disbursement.amount.toString(),
        reference: disbursement.reference,
        disbursedBy: disbursement.disbursedBy,
        disbursedAt: disbursement.disbursedAt.toISOString(),
      },
    };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ApplicationView, description: 'the application, now CLOSED; ETag header' })
  async close(@Param('id') id: string, @Body() body: CommentDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ApplicationView> {
    return respond(res, await this.closeApplication.execute(id, user, body.comment));
  }
}
