import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import type { NotificationView } from './notification.view';
import { NOTIFICATION_COLUMNS, NotificationViews, type NotificationRow } from './notification-views';

export function notificationNotFound(id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'NOTIFICATION_NOT_FOUND', `No notification ${id} in your inbox`);
}

/** One notice of the caller's; another recipient's looks exactly like a missing one (404). */
@Injectable()
export class GetNotification {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: NotificationViews,
  ) {}

  async execute(id: string, mailboxes: readonly string[]): Promise<NotificationView> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE id = $1 AND recipient = ANY($2::text[]) AND in_app`,
      [id, mailboxes],
    );
    if (rows.length === 0) throw notificationNotFound(id);
    const [view] = await this.views.toViews(rows);
    return view;
  }
}
