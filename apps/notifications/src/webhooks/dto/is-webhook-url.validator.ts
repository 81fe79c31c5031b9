import { ValidateBy, type ValidationOptions } from 'class-validator';
import { webhookUrlProblem } from '../webhook.rules';

/** An absolute http(s) URL without credentials or fragment (see webhook.rules). */
export function IsWebhookUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWebhookUrl',
      validator: {
        validate: (value: unknown) => webhookUrlProblem(value) === undefined,
        defaultMessage: (args) => `$property ${webhookUrlProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}
