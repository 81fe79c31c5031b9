export * from './poll-until';
export * from './test-database';
export * from './test-kafka';
