import { startService } from '@westgate/platform';
import { grantsService } from './support-grants.definition';

void startService(grantsService);
