export * from './snake-naming.strategy';
export * from './database-url';
export * from './ensure-database';
export * from './data-source-options';
export * from './run-migrations';
