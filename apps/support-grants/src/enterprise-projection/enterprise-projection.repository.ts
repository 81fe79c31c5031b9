import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EnterpriseProjectionEntity } from './enterprise-projection.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class EnterpriseProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<EnterpriseProjectionEntity | null> {
    if (!UUID.test(id)) return null;
    return manager.findOneBy(EnterpriseProjectionEntity, { id: id.toLowerCase() });
  }
}
