import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { validationProblem } from '@westgate/platform';
import { checkDeclaration, type Declaration } from './declaration.rules';
import { DeclarationPublisher } from './declaration-publisher';
import { FieldErrorView } from './field-error.view';

/** Most declarations one JSON request may carry (API.md). */
export const MAX_DECLARATIONS_PER_REQUEST = 10_000;

/** A row of the request that was refused. */
export class RejectedDeclaration {
  @ApiProperty({ description: "the row's index in the request array (from 0)" })
  index!: number;

  @ApiProperty({ type: [FieldErrorView] })
  errors!: FieldErrorView[];
}

export class SubmissionResult {
  @ApiProperty({ description: 'valid rows handed to the ingest topic' })
  accepted!: number;

  @ApiProperty({ type: [RejectedDeclaration], description: 'invalid rows, with their fields at fault' })
  rejected!: RejectedDeclaration[];
}

/**
 * `POST /declarations`: every row is checked on its own; the valid ones go to the ingest topic,
 * the invalid ones come back with their index and fields. A bad row never fails its neighbours.
 */
@Injectable()
export class SubmitDeclarationsUseCase {
  constructor(private readonly publisher: DeclarationPublisher) {}

  async execute(body: unknown): Promise<SubmissionResult> {
    if (!Array.isArray(body)) {
      throw validationProblem([{ field: '', message: 'the body must be a JSON array of declarations' }]);
    }
    if (body.length > MAX_DECLARATIONS_PER_REQUEST) {
      throw validationProblem([
        { field: '', message: `at most ${MAX_DECLARATIONS_PER_REQUEST} declarations per request (got ${body.length}); use POST /api/v1/declarations/import for more` },
      ]);
    }
    const accepted: Declaration[] = [];
    const rejected: RejectedDeclaration[] = [];
    body.forEach((row: unknown, index) => {
      const check = checkDeclaration(row);
      if (check.ok) accepted.push(check.declaration);
      else rejected.push({ index, errors: check.errors });
    });
    await this.publisher.publish(accepted);
    return { accepted: accepted.length, rejected };
  }
}
