import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredChannels } from './preferences.rules';

/**
 * One recipient's choices: language, e-mail address (for enterprises the registry's contact
 * is the default) and, per event type, the channels it set; what it never set is on.
 */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('text')
  recipient!: string;

  @Column('text')
  locale!: string;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('jsonb')
  channels!: StoredChannels;

  @Column('int')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('text')
  updatedBy!: string;
}
