import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import type { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { lockedInAppViolations, mergeChannels } from './preferences.rules';
import { ifMatchAdmits, preferencesView, type PreferencesView } from './preferences.view';

export interface UpdatePreferencesCommand {
  recipient: string;
  update: UpdatePreferencesDto;
  ifMatch?: string;
  actor: string;
}

/** Sets what the update names, keeps the rest; refuses to switch off a mandatory inbox. */
@Injectable()
export class UpdatePreferences {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ recipient, update, ifMatch, actor }: UpdatePreferencesCommand): Promise<PreferencesView> {
    const locked = lockedInAppViolations(update.channels ?? {});
    if (locked.length > 0) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PREFERENCE_LOCKED',
        `Decisions on one's own application always reach the inbox: inApp cannot be switched off for ${locked.join(', ')}`,
        { eventTypes: locked },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // A row to lock even on the first PUT, so that two concurrent first PUTs serialise.
      await manager.query(
        `INSERT INTO notification_preference (recipient, locale, email, channels, version, updated_at, updated_by)
         VALUES ($1, 'en', NULL, '{}', 0, now(), $2) ON CONFLICT (recipient) DO NOTHING`,
        [recipient, actor],
      );
      const repository = manager.getRepository(NotificationPreferenceEntity);
      const current = await repository.findOne({ where: { recipient }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new Error(`preferences of ${recipient} vanished`);
      if (!ifMatchAdmits(ifMatch, current.version)) {
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'PRECONDITION_FAILED',
          `The preferences are at version ${current.version}, not the one in If-Match`,
          { currentVersion: current.version },
        );
      }
      current.locale = update.locale ?? current.locale;
      if (update.email !== undefined) current.email = update.email === null ? null : update.email.trim();
      if (update.channels !== undefined) current.channels = mergeChannels(current.channels, update.channels);
      current.version += 1;
      current.updatedAt = new Date();
      current.updatedBy = actor;
      await repository.save(current);
      return preferencesView(recipient, current);
    });
  }
}
