/** Where the four services answer during the e2e run. */
export const SERVICES = {
  registry: process.env.ENTERPRISE_REGISTRY_URL ?? 'http://127.0.0.1:3001',
  grants: process.env.SUPPORT_GRANTS_URL ?? 'http://127.0.0.1:3002',
  statistics: process.env.TRADE_STATISTICS_URL ?? 'http://127.0.0.1:3003',
  notifications: process.env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3004',
} as const;

export type ServiceKey = keyof typeof SERVICES;

/** Written by the setup for the suites: how long `npm start` took to bring everything to ready. */
export const STARTUP_FILE = `${__dirname}/../../../../.local/e2e-startup.json`;
