import { InvalidHsCodeError, isHsPrefix } from '../hs/hs-code';
import { COMMODITY_CATEGORIES, type CommodityCategory } from './commodity-category';
import { COMMODITY_CATEGORY_RULES } from './commodity-category-rules';

/**
 * Every category an HS code (or chapter/heading prefix of one) carries, in `COMMODITY_CATEGORIES`
 * order; `['OTHER']` when none applies, so the list is never empty. A short prefix only matches
 * rules at least as broad: `2804` is not NEW_MATERIALS though `280461` (silicon) is.
 */
export function categoriesOf(hsCode: string): CommodityCategory[] {
  if (!isHsPrefix(hsCode)) {
    throw new InvalidHsCodeError(`"${String(hsCode).slice(0, 20)}" is not an HS code (2 to 10 digits in an existing chapter)`);
  }
  const categories = COMMODITY_CATEGORIES.filter(
    (category) => category !== 'OTHER' && COMMODITY_CATEGORY_RULES[category].prefixes.some((prefix) => hsCode.startsWith(prefix)),
  );
  return categories.length > 0 ? categories : ['OTHER'];
}

export function hasCategory(hsCode: string, category: CommodityCategory): boolean {
  return categoriesOf(hsCode).includes(category);
}
