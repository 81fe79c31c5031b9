import { startService } from '@westgate/platform';
import { notificationsService } from './notifications.definition';

void startService(notificationsService);
