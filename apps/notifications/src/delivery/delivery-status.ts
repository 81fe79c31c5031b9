/** Where a delivery of one channel stands: waiting (first try or a retry), done, or given up. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The channels of a notice, with the names the API uses. */
export const CHANNELS = ['inApp', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
