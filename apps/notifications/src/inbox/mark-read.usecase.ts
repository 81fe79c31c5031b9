import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notificationRefusal } from './get-notification.usecase';

/** Marks one of the caller's notices read; again is harmless (the first time is kept); another's is refused. */
@Injectable()
export class MarkRead {
  constructor(private readonly dataSource: DataSource) {}

  async execute(id: string, mailboxes: readonly string[], callerIsEnterprise: boolean): Promise<void> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
       WHERE id = $1 AND recipient = ANY($2::text[]) AND in_app RETURNING id`,
      [id, mailboxes],
    );
    if (rows.length === 0) throw await notificationRefusal(this.dataSource, id, callerIsEnterprise);
  }
}
