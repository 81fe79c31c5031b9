import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

export const MIN_CYCLE = 2000;
export const MAX_CYCLE = 2100;

/**
 * A programme cycle: an integer year in range. One rule with one message, so that a client who
 * sends `"2026"` is told what a cycle is rather than that it is above 2100.
 */
export function IsCycle(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCycle',
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= MIN_CYCLE && (value as number) <= MAX_CYCLE,
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be a year from ${MIN_CYCLE} to ${MAX_CYCLE}, as an integer, e.g. 2026`, validationOptions),
      },
    },
    validationOptions,
  );
}
