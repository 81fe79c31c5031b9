import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCleanText, trimString } from '@westgate/domain';

/** The reason of a revocation, in the body or in the query (DELETE bodies are not always possible). */
export class RevokeDesignationDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'required here or as ?reason=' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(1000)
  @IsCleanText({ multiline: true })
  reason?: string;
}
