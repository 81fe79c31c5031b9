import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An admin's subscription: notices of `eventTypes` are POSTed to `url`, signed with `secret`. The
 * secret is kept as given because HMAC needs it; it never leaves this service in a response.
 */
@Entity('webhook')
@Index('webhook_subscriptions', ['eventTypes'], { type: 'gin', where: 'active' })
export class WebhookEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  url!: string;

  @Column('text', { array: true })
  eventTypes!: string[];

  @Column('text')
  secret!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('text')
  createdBy!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}
