import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { NOTICE_EVENT_TYPES } from '../../notices/notice-types';
import { LOCALES, type Locale } from '../../templates/locales';
import { channelListToMap, type StoredChannels } from '../preferences.rules';
import { IsChannelMap } from './is-channel-map.validator';

/**
 * `PUT /preferences`: sets what it names and keeps the rest. The read-only members of the GET
 * (`recipient`, `version`, `updatedAt`, `inAppMandatory`) are accepted and ignored, so that a
 * client may send back what it read after changing it.
 */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @ValidateIf((dto: UpdatePreferencesDto) => dto.locale !== undefined)
  @IsIn(LOCALES, { message: `$property must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'where e-mail notices go; null: the default (an enterprise\'s registry contact; none for a user)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: '$property must be an e-mail address or null' })
  email?: string | null;

  @ApiPropertyOptional({
    description:
      'per event type, the channels to switch: { "<eventType>": { "inApp": true, "email": false, "webhook": true } } ' +
      '(or a list of { "eventType": "<eventType>", "inApp": true, … })',
    example: { [NOTICE_EVENT_TYPES[0]]: { inApp: true, email: false, webhook: false } },
  })
  @Transform(({ value }: { value: unknown }) => channelListToMap(value))
  @ValidateIf((dto: UpdatePreferencesDto) => dto.channels !== undefined)
  @IsChannelMap()
  channels?: StoredChannels;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  recipient?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  updatedAt?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  inAppMandatory?: string[];
}
