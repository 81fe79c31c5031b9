export * from './topics/topics';
export * from './envelope/cloud-event';
export * from './catalogue/event-definition';
export * from './catalogue/validate-event';
export * from './registry/enterprise-state.v1';
export * from './registry/enterprise-events';
