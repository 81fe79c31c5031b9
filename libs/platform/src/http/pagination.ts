import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `{ items, nextCursor }`: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `?limit=&cursor=` of every list (API.md); an empty `cursor=` means the first page. List queries extend it. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** Cursors are opaque to clients: base64url of the last item's sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The sort key in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string, isKey: (key: string) => boolean): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return isKey(key) ? key : undefined;
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says that more exist. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => string, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Documents a 200 with a page of `model` in the OpenAPI document: `{ items: [...], nextCursor: string | null }`. */
export function ApiOkPageResponse(model: ClassType<unknown>, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          nextCursor: { type: 'string', nullable: true, description: 'pass as ?cursor= for the next page; null on the last page', example: null },
        },
      },
    }),
  );
}
