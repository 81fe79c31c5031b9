import {
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
} from '@nestjs/common';
import { Public, Roles, signToken } from '@westgate/auth';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { startTestApp, TEST_SECRET, type TestApp } from '../../test/start-test-app';
import { defaultCorrelationHooks } from '../correlation/correlation-hooks';
import { Consumes } from './consumes.decorator';
import type { ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';

class AddressDto {
  @IsString()
  city!: string;
}

class TagDto {
  @IsString()
  label!: string;
}

class CreateThingDto {
  @IsString()
  @Length(2, 20)
  name!: string;

  @IsInt()
  count!: number;

  @IsOptional()
  @IsIn(['A', 'B'])
  kind?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TagDto)
  tags?: TagDto[];
}

class ContactDto {
  @IsEmail()
  email!: string;
}

@Controller('things')
class ThingsController {
  @Public()
  @Post('contacts')
  contact(@Body() dto: ContactDto): { email: string } {
    return dto;
  }

  @Public()
  @Post()
  create(@Body() dto: CreateThingDto): { name: string; isDto: boolean } {
    return { name: dto.name, isDto: dto instanceof CreateThingDto };
  }

  @Public()
  @Post('import')
  @Consumes('text/csv')
  async importCsv(@Req() request: FastifyRequest): Promise<{ bytes: number }> {
    let bytes = 0;
    for await (const chunk of request.raw) bytes += (chunk as Buffer).length;
    return { bytes };
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('connection to db-primary.internal:5432 failed for user westgate');
  }

  @Public()
  @Get('quota')
  quota(): never {
    throw new ProblemException(409, 'QUOTA_EXCEEDED', 'The BACKBONE quota of 2026 is used up', { cycle: 2026, status: 200 });
  }

  @Public()
  @Get('conflict')
  conflict(): never {
    throw new ConflictException('Already there');
  }

  @Public()
  @Get('correlation')
  correlation(): { current: string | undefined } {
    return { current: defaultCorrelationHooks.current() };
  }

  @Roles('admin')
  @Get('admin-only')
  adminOnly(): { ok: true } {
    return { ok: true };
  }

  @Public()
  @Get(':id')
  byId(@Param('id', ParseUUIDPipe) id: string): never {
    throw new NotFoundException(`Thing ${id} not found`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('problem+json errors over a real app', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp([ThingsController]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const request = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${testApp.baseUrl}${path}`, init);
  const postJson = (path: string, body: string, headers: Record<string, string> = {}): Promise<Response> =>
    request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  async function problemOf(response: Response, status: number): Promise<ProblemDetails> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as ProblemDetails;
  }

  it('accepts a valid body, converted to the DTO class', async () => {
    const response = await postJson('/api/v1/things', JSON.stringify({ name: 'pump', count: 2, tags: [{ label: 'x' }] }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: 'pump', isDto: true });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, fully formed', async () => {
    const response = await postJson('/api/v1/things', '{"name": "pump",', { 'x-correlation-id': 'req-42' });
    const problem = await problemOf(response, 400);
    expect(problem).toEqual({
      type: 'https://westgate.dev/problems/malformed-json',
      title: 'Malformed json',
      status: 400,
      detail: expect.stringMatching(/^The body is not valid JSON/),
      code: 'MALFORMED_JSON',
      instance: '/api/v1/things',
      correlationId: 'req-42',
    });
    expect(response.headers.get('x-correlation-id')).toBe('req-42');
  });

  it('says that the body must be an object or array when it is JSON of another kind', async () => {
    for (const body of ['null', '5', '"pump"']) {
      const problem = await problemOf(await postJson('/api/v1/things', body), 400);
      expect(problem).toMatchObject({ code: 'MALFORMED_JSON', detail: 'The body must be a JSON object or array' });
    }
  });

  it('answers an oversize body with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ name: 'pump', count: 1, padding: 'x'.repeat(1024 * 1024 + 10) });
    const problem = await problemOf(await postJson('/api/v1/things', big), 413);
    expect(problem.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names an unknown field', async () => {
    const problem = await problemOf(await postJson('/api/v1/things', JSON.stringify({ name: 'pump', count: 1, colour: 'red' })), 400);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.type).toBe('https://westgate.dev/problems/validation-failed');
    expect(problem.errors).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
  });

  it('names fields called like Object.prototype members instead of dropping them', async () => {
    for (const key of ['toString', 'constructor', '__proto__', 'prototype']) {
      const body = `{"name":"pump","count":1,${JSON.stringify(key)}:{}}`;
      const problem = await problemOf(await postJson('/api/v1/things', body), 400);
      expect(problem.errors).toEqual([{ field: key, message: `property ${key} should not exist` }]);
    }
  });

  it('answers a value that makes a validator throw with 400, not 500', async () => {
    // A lone UTF-16 surrogate: class-validator's isEmail throws a URIError on it.
    const problem = await problemOf(await postJson('/api/v1/things/contacts', '{"email":"a\\ud800@example.com"}'), 400);
    expect(problem.code).toBe('VALIDATION_FAILED');
  });

  it('names wrong types, unknown enum values and missing fields, one entry per field', async () => {
    const problem = await problemOf(await postJson('/api/v1/things', JSON.stringify({ name: 7, kind: 'Z' })), 400);
    const errors = problem.errors as { field: string; message: string }[];
    expect(errors.map((error) => error.field).sort()).toEqual(['count', 'kind', 'name']);
    expect(errors.find((error) => error.field === 'count')?.message).toMatch(/integer/);
    expect(problem.detail).toMatch(/name/);
  });

  it('paths nested fields as a.b and array items as a[0].b', async () => {
    const body = { name: 'pump', count: 1, address: { city: 3 }, tags: [{ label: 'ok' }, { label: 5, extra: true }] };
    const problem = await problemOf(await postJson('/api/v1/things', JSON.stringify(body)), 400);
    expect((problem.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'address.city',
      'tags[1].extra',
      'tags[1].label',
    ]);
  });

  it('refuses a JSON array where an object is expected', async () => {
    const problem = await problemOf(await postJson('/api/v1/things', JSON.stringify([{ name: 'pump', count: 1 }])), 400);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: '', message: 'the request body must be a JSON object' }]);
  });

  it('answers a body of another media type with 415', async () => {
    const response = await request('/api/v1/things', { method: 'POST', body: 'name=pump', headers: { 'content-type': 'text/plain' } });
    expect((await problemOf(response, 415)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets @Consumes admit another media type, and refuses JSON there', async () => {
    const csv = await request('/api/v1/things/import', { method: 'POST', body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } });
    expect(csv.status).toBe(201);
    expect(await csv.json()).toEqual({ bytes: 8 });
    expect((await problemOf(await postJson('/api/v1/things/import', '{}'), 415)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown routes with 404 problem+json, inside and outside the prefix', async () => {
    const inside = await problemOf(await request('/api/v1/nothing-here'), 404);
    expect(inside).toMatchObject({ code: 'NOT_FOUND', status: 404, instance: '/api/v1/nothing-here' });
    const outside = await request('/nothing-here?q=1');
    expect((await problemOf(outside, 404)).instance).toBe('/nothing-here');
    expect(outside.headers.get('x-correlation-id')).toMatch(UUID);
  });

  it('answers a URL that cannot be decoded with 400 problem+json', async () => {
    const response = await request('/api/v1/things/%zz');
    expect(await problemOf(response, 400)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect(response.headers.get('x-correlation-id')).toMatch(UUID);
  });

  it('ignores a trailing slash, as clients expect of a path', async () => {
    expect((await request('/api/v1/things/conflict/')).status).toBe(409);
  });

  it('maps Nest exceptions: NotFound → NOT_FOUND, Conflict → CONFLICT, pipe failures → BAD_REQUEST', async () => {
    const missing = await problemOf(await request('/api/v1/things/7d3c9a56-2f43-4bd2-9a57-9f8f4a3b2c1d'), 404);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', detail: 'Thing 7d3c9a56-2f43-4bd2-9a57-9f8f4a3b2c1d not found' });
    expect(await problemOf(await request('/api/v1/things/conflict'), 409)).toMatchObject({ code: 'CONFLICT', title: 'Conflict' });
    expect((await problemOf(await request('/api/v1/things/not-a-uuid'), 400)).code).toBe('BAD_REQUEST');
  });

  it('writes ProblemException with its extras, which cannot replace the standard members', async () => {
    const problem = await problemOf(await request('/api/v1/things/quota'), 409);
    expect(problem).toMatchObject({
      type: 'https://westgate.dev/problems/quota-exceeded',
      title: 'Quota exceeded',
      status: 409,
      code: 'QUOTA_EXCEEDED',
      detail: 'The BACKBONE quota of 2026 is used up',
      cycle: 2026,
    });
  });

  it('answers a thrown Error with 500 INTERNAL_ERROR without leaking its message', async () => {
    const response = await request('/api/v1/things/boom');
    const problem = await problemOf(response, 500);
    expect(problem.code).toBe('INTERNAL_ERROR');
    expect(problem.correlationId).toBe(response.headers.get('x-correlation-id'));
    expect(problem.detail).toBe('An unexpected error occurred; quote the correlation id when reporting it.');
    expect(JSON.stringify(problem)).not.toMatch(/db-primary|5432|stack/);
  });

  it('answers 401 and 403 as problems', async () => {
    expect((await problemOf(await request('/api/v1/things/admin-only'), 401)).code).toBe('UNAUTHORIZED');
    const analyst = signToken({ sub: 'u-1', roles: ['analyst'] }, TEST_SECRET, { expiresIn: 60 });
    const forbidden = await request('/api/v1/things/admin-only', { headers: { authorization: `Bearer ${analyst}` } });
    expect((await problemOf(forbidden, 403)).code).toBe('FORBIDDEN');
    const admin = signToken({ sub: 'u-1', roles: ['admin'] }, TEST_SECRET, { expiresIn: 60 });
    expect((await request('/api/v1/things/admin-only', { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
  });
});

describe('x-correlation-id', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp([ThingsController]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${testApp.baseUrl}/api/v1/things/correlation`, { headers });

  it('echoes a sane id and makes it current for the handler', async () => {
    const response = await get({ 'x-correlation-id': 'abc-123:4.5_6' });
    expect(response.headers.get('x-correlation-id')).toBe('abc-123:4.5_6');
    expect(await response.json()).toEqual({ current: 'abc-123:4.5_6' });
  });

  it('generates a UUID when none or an unacceptable one is given', async () => {
    const none = await get();
    const generated = none.headers.get('x-correlation-id');
    expect(generated).toMatch(UUID);
    expect(await none.json()).toEqual({ current: generated });
    const bad = await get({ 'x-correlation-id': 'x'.repeat(200) });
    expect(bad.headers.get('x-correlation-id')).toMatch(UUID);
  });
});
