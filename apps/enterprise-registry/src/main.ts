import { startService } from '@westgate/platform';
import { registryService } from './enterprise-registry.definition';

void startService(registryService);
