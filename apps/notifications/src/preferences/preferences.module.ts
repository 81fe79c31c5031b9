import { Module } from '@nestjs/common';
import { GetPreferences } from './get-preferences.usecase';
import { PreferencesController } from './preferences.controller';
import { UpdatePreferences } from './update-preferences.usecase';

@Module({ controllers: [PreferencesController], providers: [GetPreferences, UpdatePreferences] })
export class PreferencesModule {}
