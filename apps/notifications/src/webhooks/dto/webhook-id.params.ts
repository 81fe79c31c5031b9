import { IsUUID } from 'class-validator';

export class WebhookIdParams {
  @IsUUID('all', { message: '$property must be a UUID' })
  id!: string;
}
