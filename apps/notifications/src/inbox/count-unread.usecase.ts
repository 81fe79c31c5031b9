import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The badge: unread notices in the caller's mailboxes. */
@Injectable()
export class CountUnread {
  constructor(private readonly dataSource: DataSource) {}

  async execute(mailboxes: readonly string[]): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM notification WHERE recipient = ANY($1::text[]) AND in_app AND read_at IS NULL',
      [mailboxes],
    );
    return row.count;
  }
}
