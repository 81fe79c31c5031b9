import { Money, type Currency } from '@westgate/domain';
import type { Locale } from './locales';

export type TemplateVariables = Readonly<Record<string, string | undefined>>;

const SECTION = /\{\?([a-zA-Z][a-zA-Z0-9]*)\}([\s\S]*?)\{\/\1\}/g;
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/**
 * Fills a template: `{name}` is replaced by the variable; `{?name}…{/name}` is kept only when the
 * variable is set and not empty (e.g. a comment line). A placeholder without a value is a bug in
 * the template or its caller, so it throws rather than sending "{amount}" to a user.
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  const withSections = template.replace(SECTION, (_match, name: string, inner: string) => {
    const value = variables[name];
    return value !== undefined && value !== '' ? inner : '';
  });
  return withSections.replace(PLACEHOLDER, (_match, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`template variable {${name}} has no value`);
    return value;
  });
}

/** The placeholder names a template uses (sections included): for the template tests. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(/\{\??\/?([a-zA-Z][a-zA-Z0-9]*)\}/g)) names.add(match[1]);
  return [...names];
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An exact decimal amount as people read it: `CNY 1,500,000.00` in English, `¥1,500,000.00` (or
 * `US$…`) in Chinese. No floating point on the way: the string is parsed to minor units.
 */
export function formatMoney(amount: string, currency: Currency, locale: Locale): string {
  const text = Money.parse(amount, currency).toString();
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const number = `${groupThousands(whole)}.${fraction}`;
  const sign = negative ? '-' : '';
  if (locale === 'zh-CN') return `${sign}${currency === 'CNY' ? '¥' : 'US$'}${number}`;
  return `${sign}${currency} ${number}`;
}

/** `"-0.3500"` → -3500 basis points (rounded half away from zero beyond 4 decimals). */
export function decimalToBasisPoints(decimal: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new Error(`not a decimal: ${decimal}`);
  const fraction = match[3] ?? '';
  let points = BigInt(match[2]) * 10_000n + BigInt(fraction.slice(0, 4).padEnd(4, '0'));
  if (fraction.length > 4 && Number(fraction[4]) >= 5) points += 1n;
  return match[1] === '-' ? -points : points;
}

/** Basis points as a percentage with at most one decimal: 450 → `4.5%`, 1000 → `10%`, -3500 → `-35%`. */
export function formatPercent(basisPoints: bigint): string {
  const negative = basisPoints < 0n;
  const magnitude = negative ? -basisPoints : basisPoints;
  const tenths = (magnitude + 5n) / 10n; // tenths of a percent, rounded half up
  const whole = tenths / 10n;
  const rest = tenths % 10n;
  return `${negative && tenths !== 0n ? '-' : ''}${whole}${rest === 0n ? '' : `.${rest}`}%`;
}

/** `https://app.example/` + `/applications/1` without doubled or missing slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
