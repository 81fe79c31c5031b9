import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';

export const CONSUMES_KEY = 'westgate:platform:consumes';

/**
 * The media types a handler's request body may have (default: JSON). Documents them in
 * OpenAPI too. For example `@Consumes('text/csv')` on a streamed CSV import.
 */
export const Consumes = (...mediaTypes: string[]): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(CONSUMES_KEY, mediaTypes), ApiConsumes(...mediaTypes));
