import { startService } from '@westgate/platform';
import { statisticsService } from './trade-statistics.definition';

void startService(statisticsService);
