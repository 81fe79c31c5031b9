import { IsUUID } from 'class-validator';

export class NotificationIdParams {
  @IsUUID('all', { message: '$property must be a UUID' })
  id!: string;
}
