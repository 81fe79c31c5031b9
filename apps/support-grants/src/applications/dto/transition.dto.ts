import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsMoney, IsStorableText } from '@westgate/domain';

/** Comments land on the timeline and in events, whose contract caps them at 4000 characters. */
export const COMMENT_MAX = 4000;

/** submit, start-review, withdraw, close: an optional comment for the timeline. */
export class CommentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  @IsStorableText({ multiline: true })
  comment?: string;
}

/** withdraw: `reason` is accepted as a synonym of `comment`. */
export class WithdrawDto extends CommentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  @IsStorableText({ multiline: true })
  reason?: string;
}

/** approve: the amount granted (the amount requested if omitted), never more than requested. */
export class ApproveDto extends CommentDto {
  @ApiPropertyOptional({ example: '150000.00' })
  @IsOptional()
  @IsMoney()
  approvedAmount?: string;
}

/** reject: why, required. */
export class RejectDto extends CommentDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(COMMENT_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  @IsStorableText({ multiline: true })
  reason!: string;
}

/** return: what the officer must correct, required. */
export class ReturnDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(COMMENT_MAX)
  @Matches(/\S/, { message: 'comment must not be blank' })
  @IsStorableText({ multiline: true })
  comment!: string;
}

/** disbursements: one tranche. */
export class DisbursementDto {
  @ApiProperty({ example: '50000.00' })
  @IsMoney()
  amount!: string;

  @ApiProperty({ example: 'TREASURY-2026-000123', description: 'the payment’s reference' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'reference must not be blank' })
  @IsStorableText()
  reference!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  @IsStorableText({ multiline: true })
  comment?: string;
}
