import type { CommodityCategory, EnterpriseStatus, TradeMode } from '@westgate/domain';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A registered import/export enterprise (table `enterprise`, see the migration for constraints). */
@Entity({ name: 'enterprise' })
@Check('enterprise_status_check', "status IN ('ACTIVE', 'INACTIVE')")
@Check('enterprise_version_check', 'version >= 1')
@Index('enterprise_zone_code', ['zoneCode', 'id'])
@Index('enterprise_region', ['region', 'id'])
@Index('enterprise_status', ['status', 'id'])
@Index('enterprise_sectors', ['sectors'], { type: 'gin' })
// gin_trgm_ops (in the migration): TypeORM has no words for an operator class.
@Index('enterprise_name_trgm', ['name'], { type: 'gin' })
@Index('enterprise_name_local_trgm', ['nameLocal'], { type: 'gin' })
export class EnterpriseEntity {
  /** A UUIDv7: time-ordered, so that the list's keyset pagination follows registration order. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 18, unique: true })
  uscc!: string;

  @Column('varchar', { length: 300 })
  name!: string;

  @Column('varchar', { length: 300, nullable: true })
  nameLocal!: string | null;

  /** GB/T 2260 code of the prefecture (the API also accepts its name). */
  @Column('varchar', { length: 12 })
  region!: string;

  @Column('varchar', { length: 64, nullable: true })
  zoneCode!: string | null;

  @Column('text', { array: true })
  sectors!: CommodityCategory[];

  @Column('varchar', { length: 254 })
  contactEmail!: string;

  @Column('varchar', { length: 500, nullable: true })
  address!: string | null;

  @Column('date', { nullable: true })
  foundedOn!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  tradeModes!: TradeMode[];

  @Column('varchar', { length: 16, default: 'ACTIVE' })
  status!: EnterpriseStatus;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
