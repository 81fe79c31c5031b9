import { defineEvent } from '../catalogue/event-definition';
import { TOPICS } from '../topics/topics';
import { EnterpriseStateV1 } from './enterprise-state.v1';

const topic = TOPICS.registryEnterprise;

export const EnterpriseRegistered = defineEvent('westgate.registry.enterprise.registered.v1', topic, EnterpriseStateV1);
export const EnterpriseUpdated = defineEvent('westgate.registry.enterprise.updated.v1', topic, EnterpriseStateV1);
export const EnterpriseTierDesignated = defineEvent('westgate.registry.enterprise.tier-designated.v1', topic, EnterpriseStateV1);
export const EnterpriseTierRevoked = defineEvent('westgate.registry.enterprise.tier-revoked.v1', topic, EnterpriseStateV1);
export const EnterpriseDeactivated = defineEvent('westgate.registry.enterprise.deactivated.v1', topic, EnterpriseStateV1);

/** Every event type on `westgate.registry.enterprise.v1`. */
export const ENTERPRISE_EVENTS = [
  EnterpriseRegistered,
  EnterpriseUpdated,
  EnterpriseTierDesignated,
  EnterpriseTierRevoked,
  EnterpriseDeactivated,
] as const;
