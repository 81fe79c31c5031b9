import { buildMessage, isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * PostgreSQL text cannot hold NUL, and control characters (C0 and DEL) in names only ever come
 * from bugs or attacks; free text may keep its tabs and line breaks.
 */
export function hasControlCharacter(value: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (allowLineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return true;
  }
  return false;
}
// JSON can carry half a surrogate pair; it is no text, and some validators throw on it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** A non-blank string without control characters (line breaks and tabs allowed with `multiline`). */
export function IsCleanText(options: { multiline?: boolean } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const allowLineBreaks = options.multiline === true;
  return ValidateBy(
    {
      name: 'isCleanText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim() !== '' && !hasControlCharacter(value, allowLineBreaks) && isWellFormedText(value),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be a non-blank string without control characters${allowLineBreaks ? ' (line breaks allowed)' : ''}`,
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

/** Strings are trimmed before validation; anything else is left for the type check to refuse. */
export function trimString({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
