import type { ProgrammeStateV1 } from '@westgate/contracts';
import type { ProgrammeEntity } from './programme.entity';

export interface ProgrammeBudgetView {
  total: string;
  reserved: string;
  disbursed: string;
  available: string;
}

export type ProgrammeView = ProgrammeStateV1 & { createdAt: string; createdBy: string };

/** `available` is what approvals may still reserve. */
export function budgetOf(programme: ProgrammeEntity): ProgrammeBudgetView {
  return {
    total: programme.budgetTotal.toString(),
    reserved: programme.budgetReserved.toString(),
    disbursed: programme.budgetDisbursed.toString(),
    available: programme.budgetTotal.subtract(programme.budgetReserved).toString(),
  };
}

/** The programme's state as events carry it. */
export function programmeState(programme: ProgrammeEntity): ProgrammeStateV1 {
  return {
    id: programme.id,
    code: programme.code,
    name: programme.name,
    cycle: programme.cycle,
    budget: budgetOf(programme),
    eligibleTiers: programme.eligibleTiers,
    eligibleSectors: programme.eligibleSectors,
    purposes: programme.purposes,
    maxGrantPerEnterprise: programme.maxGrantPerEnterprise.toString(),
    opensAt: programme.opensAt.toISOString(),
    closesAt: programme.closesAt.toISOString(),
    version: programme.version,
    updatedAt: programme.updatedAt.toISOString(),
  };
}

/** The API's representation: the event state plus who created it and when. */
export function toProgrammeView(programme: ProgrammeEntity): ProgrammeView {
  return { ...programmeState(programme), createdAt: programme.createdAt.toISOString(), createdBy: programme.createdBy };
}
