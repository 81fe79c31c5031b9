import { MessagingTables1764115200000 } from './1764115200000-messaging-tables';
import { OutboxHeaderColumns1796083200000 } from './1796083200000-outbox-header-columns';

export { MessagingTables1764115200000, OutboxHeaderColumns1796083200000 };

/** The messaging tables' migrations, in order; every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [MessagingTables1764115200000, OutboxHeaderColumns1796083200000];
