import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth-options';
import { AuthGuard } from './auth.guard';

/** Registers `AuthGuard` for every route of the application. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AUTH_OPTIONS],
    };
  }
}
