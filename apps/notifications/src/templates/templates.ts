import { EN_TEMPLATES } from './en.templates';
import type { Locale } from './locales';
import type { TemplateCatalogue } from './template-catalogue';
import { ZH_CN_TEMPLATES } from './zh-cn.templates';

/** Every language's catalogue, by locale. */
export const TEMPLATES: Readonly<Record<Locale, TemplateCatalogue>> = {
  en: EN_TEMPLATES,
  'zh-CN': ZH_CN_TEMPLATES,
};
