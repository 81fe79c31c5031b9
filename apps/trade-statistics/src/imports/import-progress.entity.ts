import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the ingest consumer did with an import's rows, per partition ("lane"). */
@Entity({ name: 'import_progress' })
export class ImportProgressEntity {
  @PrimaryColumn('uuid')
  importId!: string;

  @PrimaryColumn('integer')
  lane!: number;

  /** New declarations, counted in the roll-ups. */
  @Column('bigint', { default: 0 })
  ingested!: string;

  /** Declarations whose id had been seen before: ignored. */
  @Column('bigint', { default: 0 })
  duplicates!: string;

  /** Dead-lettered by the consumer. */
  @Column('bigint', { default: 0 })
  failed!: string;
}
