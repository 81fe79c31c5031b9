import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RegistryConfig } from '../enterprise-registry.config';
import { quotaView, type QuotaView } from './designation.rules';

@Injectable()
export class GetQuota {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: RegistryConfig,
  ) {}

  async execute(cycle: number = this.config.PROGRAMME_CYCLE): Promise<QuotaView> {
    const rows: { tier: string; used: number; quotaLimit: number }[] = await this.dataSource.query(
      'SELECT tier, used, quota_limit AS "quotaLimit" FROM tier_quota WHERE cycle = $1',
      [cycle],
    );
    return quotaView(cycle, rows);
  }
}
