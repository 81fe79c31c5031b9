import { buildMessage, isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/*
 * Free text from API clients, checked so that PostgreSQL stores exactly what was sent: it refuses
 * NUL (which would surface as a 500), and the driver turns half a surrogate pair into U+FFFD.
 * Control characters in names only ever come from bugs or attacks; free text keeps its line
 * breaks and tabs (`multiline`).
 */

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DEL = 0x7f;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasControlCharacter(value: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code !== DEL) continue;
    if (allowLineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return true;
  }
  return false;
}

/** No lone surrogates: JSON can carry them; they are no text, and some validators throw on them. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** A string PostgreSQL stores as sent (it may be empty). */
export function isStorableText(value: unknown, multiline = false): value is string {
  return typeof value === 'string' && isWellFormedText(value) && !hasControlCharacter(value, multiline);
}

/** A string PostgreSQL stores as sent; see `IsCleanText` for one that must also be non-blank. */
export function IsStorableText(options: { multiline?: boolean } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const multiline = options.multiline === true;
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (value: unknown) => isStorableText(value, multiline),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be text without control characters${multiline ? ' (line breaks and tabs allowed)' : ''}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** A non-blank string without control characters (line breaks and tabs allowed with `multiline`). */
export function IsCleanText(options: { multiline?: boolean } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const multiline = options.multiline === true;
  return ValidateBy(
    {
      name: 'isCleanText',
      validator: {
        validate: (value: unknown) => isStorableText(value, multiline) && value.trim() !== '',
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be a non-blank string without control characters${multiline ? ' (line breaks allowed)' : ''}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/**
 * An e-mail address. class-validator's `@IsEmail` throws a URIError on a lone surrogate, which
 * would surface as a 500; this answers false instead.
 */
export function IsContactEmail(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isContactEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isWellFormedText(value) && isEmail(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be an e-mail address`, validationOptions),
      },
    },
    validationOptions,
  );
}

/** Strings are trimmed before validation (`@Transform(trimString)`); anything else is left for the type check. */
export function trimString({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
