import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DEL = 0x7f;
// JSON can carry half a surrogate pair; the driver would store it as U+FFFD, not as sent.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text that PostgreSQL stores as sent: no NUL (it refuses it, which would surface as a 500), no
 * other control characters (line breaks and tabs allowed with `multiline`), no lone surrogates.
 */
export function isStorableText(value: unknown, multiline = false): boolean {
  if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return false;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code !== DEL) continue;
    if (multiline && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return false;
  }
  return true;
}

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
