import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST = '1800-01-01';

/** A calendar date `YYYY-MM-DD` that exists, not before 1800 and not in the future (UTC). */
export function isFoundedOn(value: unknown, today: Date = new Date()): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2026-02-30 over into March: a date that exists reads back the same.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  return value >= EARLIEST && value <= today.toISOString().slice(0, 10);
}

export function IsFoundedOn(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFoundedOn',
      validator: {
        validate: (value: unknown) => isFoundedOn(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be a date written YYYY-MM-DD, from ${EARLIEST} to today, e.g. "2012-05-17"`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
