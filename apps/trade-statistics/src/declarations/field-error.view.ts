import { ApiProperty } from '@nestjs/swagger';
import type { DeclarationFieldError } from './declaration.rules';

/** One field of a rejected row and what is wrong with it. */
export class FieldErrorView implements DeclarationFieldError {
  @ApiProperty({ example: 'hsCode', description: 'the field at fault (empty for the row as a whole)' })
  field!: string;

  @ApiProperty({ example: 'hsCode must be 6 to 10 digits' })
  message!: string;
}
