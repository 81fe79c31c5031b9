import { HttpException } from '@nestjs/common';

/**
 * The error domain code throws: `new ProblemException(409, 'QUOTA_EXCEEDED', 'The BACKBONE
 * quota of 2026 is used up')`. `extras` become extension members of the problem document, e.g.
 * `{ reasons }` for NOT_ELIGIBLE or `{ currentStatus }` for INVALID_TRANSITION; they cannot
 * replace the standard members.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly extras: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail, status);
    this.name = 'ProblemException';
  }
}
