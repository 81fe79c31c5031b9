/** An INACTIVE enterprise keeps its history but is no longer eligible for support. */
export const ENTERPRISE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export function isEnterpriseStatus(value: unknown): value is EnterpriseStatus {
  return typeof value === 'string' && (ENTERPRISE_STATUSES as readonly string[]).includes(value);
}
