import { NotificationsTables1767225600000 } from './1767225600000-notifications-tables';
import { BudgetExhaustionAlerts1796108400000 } from './1796108400000-budget-exhaustion-alerts';

/** notifications's own migrations, oldest first (the messaging tables are added by the platform). */
export const NOTIFICATIONS_MIGRATIONS = [NotificationsTables1767225600000, BudgetExhaustionAlerts1796108400000];
