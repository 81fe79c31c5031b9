export * from './topics/topics';
export * from './envelope/cloud-event';
export * from './catalogue/event-definition';
export * from './catalogue/validate-event';
