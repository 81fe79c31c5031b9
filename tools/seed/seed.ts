/**
 * `npm run seed`: demo data for a running stack (`npm start`), through the services' HTTP APIs so
 * that every event flows as in real use. Idempotent: a second run adds nothing.
 */
import { grantsSeedStep } from './grants.seed';
import { registrySeed } from './registry.seed';
import { createSeedContext, type SeedContext } from './seed-context';
import { statisticsSeed } from './statistics.seed';

type SeedStep = { name: string; run: (context: SeedContext) => Promise<void> };

// Each service adds its step here, in dependency order (the registry first).
const steps: SeedStep[] = [
  registrySeed,
  // support-grants needs the registry's enterprises: keep it after the registry's step.
  grantsSeedStep,
  statisticsSeed,
];

async function main(): Promise<void> {
  const context = createSeedContext();
  for (const step of steps) {
    context.log(`${step.name}…`);
    await step.run(context);
  }
  context.log(steps.length ? 'done' : 'nothing to seed yet');
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
