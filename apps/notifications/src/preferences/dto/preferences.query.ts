import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PreferencesQuery {
  @ApiPropertyOptional({
    description: 'one of the caller\'s mailboxes, e.g. `role:admin` for an admin; default: the enterprise\'s for an enterprise user, else the caller\'s own',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  recipient?: string;
}
