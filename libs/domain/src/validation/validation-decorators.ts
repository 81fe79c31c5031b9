import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidUscc, validateUscc } from '../uscc/uscc';
import { isMoneyString, MONEY_MAX_INTEGER_DIGITS, type MoneyStringOptions } from '../money/money';
import { isPeriod, PERIOD_MAX_YEAR, PERIOD_MIN_YEAR } from '../period/period';
import { isHsCode } from '../hs/hs-code';
import { isCountryCode } from '../countries/countries';
import { isZoneCode } from '../zones/zones';
import { resolveRegion } from '../regions/regions';
import { isTradeFairCode } from '../trade-fairs/trade-fairs';
import { isCycle, MAX_CYCLE, MIN_CYCLE } from '../cycle/cycle';

/*
 * class-validator decorators for DTOs. Each default message says what is expected, so that an API
 * client can fix the request from `errors[].message` alone; `$property` is the field name.
 */

export function IsUscc(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUscc',
      validator: {
        validate: (value: unknown) => isValidUscc(value),
        defaultMessage: buildMessage((eachPrefix, args) => {
          // With `each`, args.value is the whole array: the item's own problems are not known here.
          const problems = typeof args?.value === 'string' ? `: ${validateUscc(args.value).join('; ')}` : '';
          return `${eachPrefix}$property must be a valid unified social credit code (GB 32100-2015: 18 characters from 0-9 and A-Y without I, O, S, V, with valid check characters)${problems}`;
        }, validationOptions),
      },
    },
    validationOptions,
  );
}

export type IsMoneyOptions = MoneyStringOptions;

export function IsMoney(options: IsMoneyOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const range = options.allowNegative ? (options.allowZero ? 'an' : 'a non-zero') : options.allowZero ? 'a zero or positive' : 'a positive';
  return ValidateBy(
    {
      name: 'isMoney',
      constraints: [options],
      validator: {
        validate: (value: unknown) => isMoneyString(value, options),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be ${range} amount written as a decimal string with at most 2 decimals and at most ${MONEY_MAX_INTEGER_DIGITS} digits before the point, e.g. "1500000.00" (not a JSON number)`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsPeriod(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriod',
      validator: {
        validate: (value: unknown) => isPeriod(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be a month written YYYY-MM, from ${PERIOD_MIN_YEAR}-01 to ${PERIOD_MAX_YEAR}-12, e.g. "2026-03"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsHsCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHsCode',
      validator: {
        validate: (value: unknown) => isHsCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be an HS commodity code of 6 to 10 digits whose chapter exists (01–97, not 77), e.g. "8471300000"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsCountryCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be an ISO 3166-1 alpha-2 country code in upper case, e.g. "KZ"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsZoneCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isZoneCode',
      validator: {
        validate: (value: unknown) => isZoneCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be the code of a zone in the zones catalogue (GET /api/v1/zones), e.g. "YINING-BECZ"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsRegion(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegion',
      validator: {
        validate: (value: unknown) => resolveRegion(value) !== undefined,
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be a prefecture or directly administered city of the Xinjiang Uygur Autonomous Region, given by its GB/T 2260 code or its name, e.g. "650100", "Urumqi" or "乌鲁木齐"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export function IsTradeFairCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTradeFairCode',
      validator: {
        validate: (value: unknown) => isTradeFairCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be ASIA_EUROPE_EXPO, KASHGAR_FAIR, HARBIN_FAIR or another fair's code of 3 to 40 upper-case letters, digits or underscores starting with a letter`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/**
 * A programme cycle: an integer year in range. One rule with one message, so that a client who
 * sends `"2026"` is told what a cycle is rather than that it is above 2100.
 */
export function IsCycle(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCycle',
      validator: {
        validate: (value: unknown) => isCycle(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be a year from ${MIN_CYCLE} to ${MAX_CYCLE}, as an integer, e.g. 2026`, validationOptions),
      },
    },
    validationOptions,
  );
}
