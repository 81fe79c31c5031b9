import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One customs declaration, kept once (table `declaration`): the primary key is the exactly-once
 * guarantee of ingestion. Written in bulk by the ingest consumer (COPY + INSERT … ON CONFLICT),
 * never through this entity; dimension codes as in rollups/dimensions.rules.ts.
 */
@Entity({ name: 'declaration' })
@Check('declaration_flow_check', 'flow IN (1, 2)')
@Check('declaration_value_usd_check', 'value_usd > 0')
export class DeclarationEntity {
  // Codes compare byte by byte (collation "C"): migrations/1796198400000-key-columns-collation-c.ts.
  @PrimaryColumn({ type: 'text', collation: 'C' })
  declarationId!: string;

  @Column({ type: 'text', collation: 'C' })
  uscc!: string;

  /** 1 export, 2 import. */
  @Column('smallint')
  flow!: number;

  @Column('text')
  hsCode!: string;

  @Column('smallint')
  hsChapter!: number;

  /** Bit i set for COMMODITY_CATEGORIES[i]. */
  @Column('smallint')
  categoryMask!: number;

  @Column({ type: 'text', collation: 'C' })
  partnerCountry!: string;

  /** YYYYMM. */
  @Column('integer')
  period!: number;

  @Column('numeric', { precision: 18, scale: 2 })
  valueUsd!: string;

  @Column('numeric', { precision: 24, scale: 6, nullable: true })
  quantity!: string | null;

  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('numeric', { precision: 24, scale: 6, nullable: true })
  netWeightKg!: string | null;

  @Column('text', { nullable: true })
  customsPort!: string | null;

  @Column('text', { nullable: true })
  tradeMode!: string | null;

  @Column('uuid', { nullable: true })
  importId!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  ingestedAt!: Date;
}
