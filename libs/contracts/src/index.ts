// class-transformer's @Type() reads design-time metadata: load the polyfill wherever contracts are used.
import 'reflect-metadata';

export * from './topics/topics';
export * from './envelope/cloud-event';
export * from './catalogue/event-definition';
export * from './catalogue/validate-event';
export * from './registry/enterprise-state.v1';
export * from './registry/enterprise-events';
export * from './grants/programme-state.v1';
export * from './grants/programme-budget-exhausted.v1';
export * from './grants/application-event.v1';
export * from './grants/grants-events';
export * from './trade/export-decline-alert.v1';
export * from './trade/trade-alert-events';
export * from './trade/trade-declaration-events';
export { asyncApiDocument, CONTRACTS_VERSION } from './asyncapi/asyncapi';
