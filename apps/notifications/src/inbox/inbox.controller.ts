import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@westgate/auth';
import { NoBodyPipe } from '@westgate/platform';
import { mailboxesOf } from '../recipients/recipient.rules';
import { CountUnread } from './count-unread.usecase';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationIdParams } from './dto/notification-id.params';
import { GetNotification } from './get-notification.usecase';
import { ListNotifications } from './list-notifications.usecase';
import { MarkAllRead } from './mark-all-read.usecase';
import { MarkRead } from './mark-read.usecase';
import { MarkedReadView, NotificationPage, NotificationView, UnreadCountView } from './notification.view';

/**
 * The in-app inbox of whoever calls: its own notices (`sub`), its enterprise's if it has role
 * `enterprise`, the admins' if it has role `admin`. Nobody sees another recipient's notices: 403,
 * or 404 to an enterprise caller (API.md).
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('notifications')
export class InboxController {
  constructor(
    private readonly listNotifications: ListNotifications,
    private readonly countUnread: CountUnread,
    private readonly getNotification: GetNotification,
    private readonly markRead: MarkRead,
    private readonly markAllRead: MarkAllRead,
  ) {}

  @Get()
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.listNotifications.execute({ mailboxes: mailboxesOf(user), ...query });
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { count: await this.countUnread.execute(mailboxesOf(user)) };
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MarkedReadView })
  async readAll(@CurrentUser() user: AuthUser, @Body(NoBodyPipe) _body: unknown): Promise<MarkedReadView> {
    return { marked: await this.markAllRead.execute(mailboxesOf(user)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: NotificationView })
  get(@CurrentUser() user: AuthUser, @Param() params: NotificationIdParams): Promise<NotificationView> {
    return this.getNotification.execute(params.id, mailboxesOf(user), user.roles.includes('enterprise'));
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'read (again: harmless)' })
  async read(@CurrentUser() user: AuthUser, @Param() params: NotificationIdParams, @Body(NoBodyPipe) _body: unknown): Promise<void> {
    await this.markRead.execute(params.id, mailboxesOf(user), user.roles.includes('enterprise'));
  }
}
