import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { ServiceConfig } from './service-config';

/**
 * Provides an already-loaded configuration, globally, under its own class (so
 * `constructor(config: RegistryConfig)` works) and under `ServiceConfig` (for shared code).
 */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const ownClass = config.constructor as Type<ServiceConfig>;
    const providers = [{ provide: ServiceConfig, useValue: config }];
    if (ownClass !== ServiceConfig) providers.push({ provide: ownClass, useValue: config });
    return { module: PlatformConfigModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
