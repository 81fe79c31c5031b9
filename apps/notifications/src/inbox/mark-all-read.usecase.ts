import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Marks every unread notice of the caller's read; returns how many. */
@Injectable()
export class MarkAllRead {
  constructor(private readonly dataSource: DataSource) {}

  async execute(mailboxes: readonly string[]): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'UPDATE notification SET read_at = now() WHERE recipient = ANY($1::text[]) AND in_app AND read_at IS NULL',
      [mailboxes],
    );
    return affected;
  }
}
