import { Injectable, type PipeTransform } from '@nestjs/common';
import { MAX_CYCLE, MIN_CYCLE, normalizeUscc, validateUscc } from '@westgate/domain';
import { validationProblem } from '@westgate/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `:id` must be a UUID: anything else is a 400 naming `id`, never a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw validationProblem([{ field: 'id', message: 'id must be a UUID' }]);
    }
    return value.toLowerCase();
  }
}

/** `:cycle` is a programme year. */
@Injectable()
export class ParseCyclePipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const cycle = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(cycle >= MIN_CYCLE && cycle <= MAX_CYCLE)) {
      throw validationProblem([{ field: 'cycle', message: `cycle must be a year from ${MIN_CYCLE} to ${MAX_CYCLE}` }]);
    }
    return cycle;
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `:uscc` in a path: case and surrounding spaces do not matter for a lookup; a malformed code is a 400. */
@Injectable()
export class ParseUsccPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const uscc = typeof value === 'string' ? normalizeUscc(value) : '';
    const problems = validateUscc(uscc);
    if (problems.length > 0) throw validationProblem([{ field: 'uscc', message: `uscc ${problems.join('; ')}` }]);
    return uscc;
  }
}
