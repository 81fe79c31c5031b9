import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from './inbox.rules';
import type { NotificationView } from './notification.view';
import { NOTIFICATION_COLUMNS, NotificationViews, type NotificationRow } from './notification-views';

export interface ListNotificationsCommand {
  mailboxes: readonly string[];
  unread?: boolean;
  eventType?: string;
  limit?: number;
  cursor?: string;
}

/** The caller's inbox, newest first: only its own mailboxes, only notices with the inbox on. */
@Injectable()
export class ListNotifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: NotificationViews,
  ) {}

  async execute(command: ListNotificationsCommand): Promise<Page<NotificationView>> {
    const limit = command.limit ?? DEFAULT_PAGE_SIZE;
    const after = command.cursor === undefined ? null : decodeCursor(command.cursor);
    if (after === undefined) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Invalid request: cursor', {
        errors: [{ field: 'cursor', message: 'cursor must be a nextCursor returned by this API' }],
      });
    }
    const rows: Array<NotificationRow> = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification
       WHERE recipient = ANY($1::text[]) AND in_app
         AND ($2::boolean IS NULL OR (read_at IS NULL) = $2::boolean)
         AND ($3::text IS NULL OR event_type = $3::text)
         AND ($4::bigint IS NULL OR seq < $4::bigint)
       ORDER BY seq DESC
       LIMIT $5`,
      [command.mailboxes, command.unread ?? null, command.eventType ?? null, after, limit + 1],
    );
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.views.toViews(page.items), nextCursor: page.nextCursor };
  }
}
