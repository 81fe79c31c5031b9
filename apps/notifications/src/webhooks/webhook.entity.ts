import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An admin's subscription: notices of `eventTypes` are POSTed to `url`, signed with `secret`. The
 * secret is kept as given because HMAC needs it; it never leaves this service in a response.
 */
@Entity('webhook')
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

  @Column('boolean')
  active!: boolean;

  @Column('text')
  createdBy!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}
