import { ApiProperty } from '@nestjs/swagger';
import { IN_APP_MANDATORY_EVENT_TYPES } from '../notices/notice-types';
import { LOCALES } from '../templates/locales';
import { allEffectiveChannels, type ChannelSwitches } from './preferences.rules';
import type { NotificationPreferenceEntity } from './notification-preference.entity';

export class PreferencesView {
  @ApiProperty({ description: 'the mailbox these preferences are for' })
  recipient!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: string;

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ description: 'every event type with notices, with its channels in force' })
  channels!: Record<string, ChannelSwitches>;

  @ApiProperty({ description: 'event types whose notices stay in the inbox whatever is set (decisions on one\'s own application)' })
  inAppMandatory!: string[];

  @ApiProperty({ description: '0 until first set; the ETag' })
  version!: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt!: string | null;
}

export function preferencesView(recipient: string, stored: NotificationPreferenceEntity | null): PreferencesView {
  return {
    recipient,
    locale: stored?.locale ?? 'en',
    email: stored?.email ?? null,
    channels: allEffectiveChannels(stored?.channels ?? {}),
    inAppMandatory: [...IN_APP_MANDATORY_EVENT_TYPES],
    version: stored?.version ?? 0,
    updatedAt: stored && stored.version > 0 ? stored.updatedAt.toISOString() : null,
  };
}

export function etagOf(view: PreferencesView): string {
  return `"${view.version}"`;
}

/** Whether an `If-Match` header admits the current version (absent: yes). */
export function ifMatchAdmits(ifMatch: string | undefined, version: number): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '') return true;
  return ifMatch.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1') === String(version);
  });
}
