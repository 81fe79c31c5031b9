import { HttpException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, validationProblem } from './validation-errors';

/**
 * Own keys of a plain object that the pipe would otherwise drop without a word: members of
 * Object.prototype (`toString`, `__proto__`, `constructor`, …), which class-transformer skips,
 * and `prototype`, which Nest deletes against prototype pollution. Unknown fields are errors.
 */
export function inheritedKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((key) => key in Object.prototype || key === 'prototype');
}

/**
 * Nest's ValidationPipe, strict: unknown fields are errors, values are converted to the DTO
 * classes, and failures come out as 400 VALIDATION_FAILED problems with one entry per field.
 * It also refuses a JSON array or scalar where the handler expects an object DTO, which
 * class-validator would otherwise pass or report without a field, fields named like
 * Object.prototype members, and values that make a validator throw (a lone UTF-16 surrogate in
 * @IsEmail does): those are the client's errors, not 500s.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject = metadata.type === 'body' && this.toValidate(metadata);
    if (expectsObject && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw validationProblem([{ field: '', message: 'the request body must be a JSON object' }]);
    }
    if (this.toValidate(metadata)) {
      const inherited = inheritedKeys(value);
      if (inherited.length > 0) {
        throw validationProblem(inherited.map((key) => ({ field: key, message: `property ${key} should not exist` })));
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      throw validationProblem([{ field: metadata.data ?? '', message: `the ${metadata.type} contains a value that cannot be validated` }]);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
