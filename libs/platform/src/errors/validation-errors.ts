import { HttpStatus } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

function fieldPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** One entry per invalid field, nested fields as `a.b`, array items as `a[0]`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    // Several rules may say the same thing (a limit's type and range checks): say it once.
    const own = error.constraints ? [{ field, message: [...new Set(Object.values(error.constraints))].join('; ') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The 400 VALIDATION_FAILED problem listing `errors`. */
export function validationProblem(errors: FieldError[]): ProblemException {
  const fields = errors.map((error) => (error.field === '' ? '(body)' : error.field));
  return new ProblemException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `Invalid request: ${fields.join(', ')}`, {
    errors,
  });
}
