import type { Role } from '@westgate/domain';
import { Column, Entity, ForeignKey, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import type { HistoryAction } from './history.rules';

/** One change to an enterprise or its designations: who, when, what, before and after. */
@Entity({ name: 'enterprise_history' })
@Index('enterprise_history_enterprise', ['enterpriseId', 'id'])
export class HistoryEntryEntity {
  /** Orders and pages the history; not shown. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The entry's id in the API. */
  @Column('uuid')
  @Generated('uuid')
  entryId!: string;

  @Column('uuid')
  @ForeignKey(() => EnterpriseEntity, { name: 'enterprise_history_enterprise_id_fkey' })
  enterpriseId!: string;

  @Column('varchar', { length: 32 })
  action!: HistoryAction;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** The caller's `sub`. */
  @Column('text')
  actor!: string;

  @Column('text', { nullable: true })
  actorName!: string | null;

  /** The role the caller acted in. */
  @Column('varchar', { length: 16 })
  actorRole!: Role;

  /** The enterprise's version after the change. */
  @Column('integer')
  version!: number;

  @Column('jsonb', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after!: Record<string, unknown> | null;

  @Column('varchar', { length: 128, nullable: true })
  correlationId!: string | null;
}
