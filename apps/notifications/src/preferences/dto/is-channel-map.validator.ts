import { ValidateBy, type ValidationOptions } from 'class-validator';
import { channelMapProblems } from '../preferences.rules';

/** `channels`: notifiable event types, each with `inApp`, `email`, `webhook` booleans (see preferences.rules). */
export function IsChannelMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isChannelMap',
      validator: {
        validate: (value: unknown) => channelMapProblems(value).length === 0,
        defaultMessage: (args) => `$property: ${channelMapProblems(args?.value).join('; ')}`,
      },
    },
    options,
  );
}
