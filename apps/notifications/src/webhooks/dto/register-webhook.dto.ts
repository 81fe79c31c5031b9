import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NOTICE_EVENT_TYPES } from '../../notices/notice-types';
import { IsWebhookUrl } from './is-webhook-url.validator';

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/westgate', description: 'http or https, no user name or password' })
  @IsWebhookUrl()
  url!: string;

  @ApiProperty({ type: [String], enum: NOTICE_EVENT_TYPES, description: 'the event types whose notices are POSTed here' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(NOTICE_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(NOTICE_EVENT_TYPES, { each: true, message: '$property must contain only event types with notices' })
  eventTypes!: string[];

  @ApiProperty({ writeOnly: true, description: 'key of the HMAC-SHA256 in x-westgate-signature; never shown again' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  secret!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
