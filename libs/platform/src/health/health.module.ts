import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessRegistry } from './readiness.registry';

@Module({})
export class HealthModule {
  static forRoot(readinessChecks: readonly ReadinessCheck[] = []): DynamicModule {
    return {
      module: HealthModule,
      // Failed checks are logged once by the controller, at warn, not by Terminus at error.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: ReadinessRegistry,
          useFactory: (): ReadinessRegistry => {
            const registry = new ReadinessRegistry();
            readinessChecks.forEach((check) => registry.add(check));
            return registry;
          },
        },
      ],
      exports: [ReadinessRegistry],
    };
  }
}
