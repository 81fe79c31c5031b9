import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredChannels } from './preferences.rules';

/**
 * One recipient's choices: language, e-mail address (for enterprises the registry's contact
 * is the default) and, per event type, the channels it set; what it never set is on.
 */
@Entity('notification_preference')
@Check('notification_preference_locale_check', "locale IN ('en', 'zh-CN')")
export class NotificationPreferenceEntity {
  @PrimaryColumn('text')
  recipient!: string;

  @Column('text', { default: 'en' })
  locale!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  channels!: StoredChannels;

  @Column('int', { default: 1 })
  version!: number;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;

  @Column('text')
  updatedBy!: string;
}
