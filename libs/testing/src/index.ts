export * from './poll-until';
export * from './test-database';
export * from './test-kafka';
export * from './test-tokens';
export * from './http-client';
export * from './openapi-document';
export * from './schema-drift';
export * from './local-kafka';
