import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import type { NotificationView } from './notification.view';
import { NOTIFICATION_COLUMNS, NotificationViews, type NotificationRow } from './notification-views';

/**
 * Why a caller cannot have notice `id` from its mailboxes: 404 when there is no such notice, or
 * when the caller has role `enterprise` (API.md: another's resource is 404 to an enterprise);
 * 403 to anyone else authenticated whose notice it is not.
 */
export async function notificationRefusal(dataSource: DataSource, id: string, callerIsEnterprise: boolean): Promise<ProblemException> {
  const notFound = new ProblemException(HttpStatus.NOT_FOUND, 'NOTIFICATION_NOT_FOUND', `No notification ${id} in your inbox`);
  if (callerIsEnterprise) return notFound;
  const [row]: Array<{ exists: boolean }> = await dataSource.query('SELECT EXISTS (SELECT 1 FROM notification WHERE id = $1 AND in_app) AS exists', [id]);
  return row.exists ? new ProblemException(HttpStatus.FORBIDDEN, 'FORBIDDEN', `Notification ${id} is another recipient's`) : notFound;
}

/** One notice of the caller's; another recipient's is refused (notificationRefusal). */
@Injectable()
export class GetNotification {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: NotificationViews,
  ) {}

  async execute(id: string, mailboxes: readonly string[], callerIsEnterprise: boolean): Promise<NotificationView> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE id = $1 AND recipient = ANY($2::text[]) AND in_app`,
      [id, mailboxes],
    );
    if (rows.length === 0) throw await notificationRefusal(this.dataSource, id, callerIsEnterprise);
    const [view] = await this.views.toViews(rows);
    return view;
  }
}
