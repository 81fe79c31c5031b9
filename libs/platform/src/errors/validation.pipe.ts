import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, validationProblem } from './validation-errors';

/**
 * Nest's ValidationPipe, strict: unknown fields are errors, values are converted to the DTO
 * classes, and failures come out as 400 VALIDATION_FAILED problems with one entry per field.
 * It also refuses a JSON array or scalar where the handler expects an object DTO, which
 * class-validator would otherwise pass or report without a field.
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
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
