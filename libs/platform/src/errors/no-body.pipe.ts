import { Injectable, type PipeTransform } from '@nestjs/common';
import { validationProblem } from './validation-errors';

/**
 * For a POST that takes no body (mark read, close a period): none, or an empty JSON object. A
 * field is refused rather than ignored (API.md: unknown fields are a 4xx), so that a client who
 * sends `readAt` is not left believing it was kept. Use as `@Body(NoBodyPipe) _body: unknown`.
 */
@Injectable()
export class NoBodyPipe implements PipeTransform<unknown, undefined> {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const fields = Object.keys(value);
      if (fields.length === 0) return undefined;
      throw validationProblem(fields.map((field) => ({ field, message: `property ${field} should not exist: this request takes no body` })));
    }
    throw validationProblem([{ field: '', message: 'this request takes no body (an empty JSON object at most)' }]);
  }
}
