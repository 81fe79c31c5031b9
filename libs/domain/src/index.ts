// @westgate/domain — the shared kernel: value objects and catalogues, pure TypeScript, no I/O.
export * from './domain-validation.error';

export * from './uscc/uscc';
export * from './uscc/organisation-code';
export * from './uscc/uscc-registration-authorities';
export * from './uscc/uscc-generator';

export * from './money/money';
export * from './money/money.errors';
export * from './money/pg-numeric';

export * from './period/period';
export * from './cycle/cycle';

export * from './hs/hs-chapters';
export * from './hs/hs-code';

export * from './countries/countries';
export * from './countries/partner-regions';

export * from './commodities/commodity-category';
export * from './commodities/commodity-category-rules';
export * from './commodities/commodity-categorisation';

export * from './regions/regions';
export * from './zones/zones';
export * from './trade-fairs/trade-fairs';
export * from './customs-ports/customs-ports';

export * from './enumerations/tier';
export * from './enumerations/trade-flow';
export * from './enumerations/enterprise-status';
export * from './enumerations/grant-purpose';
export * from './enumerations/role';
export * from './enumerations/trade-mode';

export * from './validation/validation-decorators';
export * from './validation/text-validators';
