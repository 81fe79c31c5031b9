/** The four services, their ports and databases: one list for the stack runner, seed and benchmarks. */
export const SERVICES = [
  { name: 'enterprise-registry', port: 3001 },
  { name: 'support-grants', port: 3002 },
  { name: 'trade-statistics', port: 3003 },
  { name: 'notifications', port: 3004 },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export function serviceUrl(name: ServiceName): string {
  const service = SERVICES.find((s) => s.name === name);
  const envName = `${name.toUpperCase().replace(/-/g, '_')}_URL`;
  return process.env[envName] ?? `http://127.0.0.1:${service?.port}`;
}
