import type { ApplicationStatus } from '@westgate/contracts';
import type { DesignatedTier, GrantPurpose } from '@westgate/domain';
import type { NoticeKind } from '../notices/notice-types';
import type { Locale } from './locales';

/** The title (also the e-mail subject) and the body of one notice, with `{placeholders}`. */
export interface NoticeTemplate {
  title: string;
  body: string;
}

/** Everything a notice needs in one language: one file per language, reviewed like code. */
export interface TemplateCatalogue {
  locale: Locale;
  notices: Readonly<Record<NoticeKind, NoticeTemplate>>;
  statuses: Readonly<Record<ApplicationStatus, string>>;
  tiers: Readonly<Record<DesignatedTier, string>>;
  purposes: Readonly<Record<GrantPurpose, string>>;
  /** Trade change wording: `{percent}` is the absolute change. */
  change: { down: string; up: string; flat: string };
  /** Appended to every e-mail body: `{link}` of the notice, `{preferencesLink}`. */
  emailFooter: string;
}
