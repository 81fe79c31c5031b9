import { Controller, Get, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { sign } from 'jsonwebtoken';
import { AuthModule } from './auth.module';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { signToken } from './sign-token';

const SECRET = 'guard-test-secret-guard-test-secret';

@Controller('things')
@Roles('officer', 'admin')
class ThingsController {
  @Get()
  list(@CurrentUser() user: AuthUser): { caller: string } {
    return { caller: user.id };
  }

  @Get('open')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('reviewed')
  @Roles('reviewer')
  reviewed(): { ok: true } {
    return { ok: true };
  }
}

@Controller('me')
class MeController {
  @Get()
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

describe('AuthGuard', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ secret: SECRET })],
      controllers: [ThingsController, MeController],
    }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  const token = (roles: AuthUser['roles'], expiresIn = 60): string =>
    signToken({ sub: 'u-1', roles: [...roles] }, SECRET, { expiresIn });
  const get = (path: string, bearer?: string): Promise<Response> =>
    fetch(`${baseUrl}${path}`, { headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` } });

  it('answers 401 without a token, with a WWW-Authenticate challenge', async () => {
    const response = await get('/things');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for a malformed Authorization header', async () => {
    const response = await fetch(`${baseUrl}/things`, { headers: { authorization: 'Basic dTpw' } });
    expect(response.status).toBe(401);
  });

  it('answers 401 for a bad token', async () => {
    expect((await get('/things', 'not.a.token')).status).toBe(401);
    const forged = sign({ sub: 'u-1', roles: ['admin'] }, 'wrong-secret', { algorithm: 'HS256', expiresIn: 60 });
    expect((await get('/things', forged)).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const response = await get('/things', token(['admin'], -60));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/expired/);
  });

  it('answers 403 when the caller has none of the roles', async () => {
    expect((await get('/things', token(['analyst']))).status).toBe(403);
  });

  it('lets a caller with one of the roles in, with the user attached', async () => {
    const response = await get('/things', token(['officer']));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ caller: 'u-1' });
  });

  it('lets a method-level @Roles replace the controller list', async () => {
    expect((await get('/things/reviewed', token(['reviewer']))).status).toBe(200);
    expect((await get('/things/reviewed', token(['officer']))).status).toBe(403);
  });

  it('lets any authenticated caller in where there is no @Roles', async () => {
    const response = await get('/me', token(['analyst']));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'u-1', roles: ['analyst'] });
  });

  it('lets @Public() handlers through without a token', async () => {
    expect((await get('/things/open')).status).toBe(200);
  });
});
