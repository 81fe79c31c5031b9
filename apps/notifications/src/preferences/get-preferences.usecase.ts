import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { preferencesView, type PreferencesView } from './preferences.view';

@Injectable()
export class GetPreferences {
  constructor(private readonly dataSource: DataSource) {}

  async execute(recipient: string): Promise<PreferencesView> {
    const stored = await this.dataSource.getRepository(NotificationPreferenceEntity).findOneBy({ recipient });
    return preferencesView(recipient, stored);
  }
}
