/**
 * A CloudEvents 1.0 document in structured mode, with Westgate's two extension attributes
 * (`correlationid`, `causationid`). `data` is typed by the event's payload class.
 */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: TData;
}

const SOURCE = /^\/[\w./-]+$/;
const TYPE = /^westgate\.[a-z0-9.-]+\.v\d+$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function text(value: unknown, maxLength: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/**
 * What is wrong with an envelope (empty when nothing). Written out by hand rather than with
 * class-validator: every consumed message passes here, and this is ten times cheaper.
 */
export function envelopeProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (raw.specversion !== '1.0') problems.push("specversion must be '1.0'");
  if (!text(raw.id, 200)) problems.push('id must be a non-empty string of at most 200 characters');
  if (!(typeof raw.source === 'string' && SOURCE.test(raw.source))) problems.push('source must be a URI reference such as /westgate/enterprise-registry');
  if (!(typeof raw.type === 'string' && TYPE.test(raw.type))) problems.push('type must look like westgate.<area>.<entity>.<verb>.v<n>');
  if (!text(raw.subject, 200)) problems.push('subject must be a non-empty string of at most 200 characters');
  if (!(typeof raw.time === 'string' && ISO_TIME.test(raw.time) && !Number.isNaN(Date.parse(raw.time)))) problems.push('time must be an ISO 8601 timestamp');
  if (raw.datacontenttype !== 'application/json') problems.push("datacontenttype must be 'application/json'");
  if (!text(raw.correlationid, 128)) problems.push('correlationid must be a non-empty string of at most 128 characters');
  if (raw.causationid !== undefined && !text(raw.causationid, 200)) problems.push('causationid must be a string of at most 200 characters');
  if (typeof raw.data !== 'object' || raw.data === null || Array.isArray(raw.data)) problems.push('data must be a JSON object');
  return problems;
}
