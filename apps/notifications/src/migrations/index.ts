/** notifications's own migrations, oldest first (the messaging tables are added by the platform). */
export const NOTIFICATIONS_MIGRATIONS = [];
