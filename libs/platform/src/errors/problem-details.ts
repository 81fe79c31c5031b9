import { HttpStatus } from '@nestjs/common';

/** An RFC 9457 problem document as Westgate writes it (extension members allowed). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

export interface FieldError {
  /** `a.b` for nested fields, `a[0]` for array items, `''` for the body as a whole. */
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const PROBLEM_TYPE_BASE = 'https://westgate.dev/problems/';

/** `QUOTA_EXCEEDED` → `https://westgate.dev/problems/quota-exceeded`. */
export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** `QUOTA_EXCEEDED` → `Quota exceeded`: the same for every occurrence, as RFC 9457 wants. */
export function problemTitle(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The code of a status without a more specific one: its name (`409` → `CONFLICT`). */
export function codeForStatus(status: number): string {
  if (status === HttpStatus.INTERNAL_SERVER_ERROR) return 'INTERNAL_ERROR';
  const name: unknown = HttpStatus[status];
  return typeof name === 'string' ? name : `HTTP_${status}`;
}
