import { GrantsSchema1764201600000 } from './1764201600000-grants-schema';

/** support-grants's own migrations, oldest first (the messaging tables are added by the platform). */
export const GRANTS_MIGRATIONS = [GrantsSchema1764201600000];
