import { Module } from '@nestjs/common';
import { CountUnread } from './count-unread.usecase';
import { GetNotification } from './get-notification.usecase';
import { InboxController } from './inbox.controller';
import { ListNotifications } from './list-notifications.usecase';
import { MarkAllRead } from './mark-all-read.usecase';
import { MarkRead } from './mark-read.usecase';
import { NotificationViews } from './notification-views';

@Module({
  controllers: [InboxController],
  providers: [ListNotifications, CountUnread, GetNotification, MarkRead, MarkAllRead, NotificationViews],
})
export class InboxModule {}
