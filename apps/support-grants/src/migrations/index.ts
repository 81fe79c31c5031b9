/** support-grants's own migrations, oldest first (the messaging tables are added by the platform). */
export const GRANTS_MIGRATIONS = [];
