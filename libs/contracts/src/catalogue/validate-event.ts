import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { envelopeProblems, type CloudEvent } from '../envelope/cloud-event';
import type { EventDefinition } from './event-definition';

export type EventValidationResult<T> =
  | { ok: true; event: CloudEvent<T> }
  | { ok: false; problems: string[] };

/** Checks a decoded message against the envelope and the payload class of its declared type. */
export function validateEvent<T extends object>(
  raw: unknown,
  definitions: ReadonlyMap<string, EventDefinition> | readonly EventDefinition[],
): EventValidationResult<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ['message is not a JSON object'] };
  }
  const problems = envelopeProblems(raw as Record<string, unknown>);
  if (problems.length > 0) return { ok: false, problems };
  const envelope = raw as CloudEvent<Record<string, unknown>>;
  const definition = findDefinition(definitions, envelope.type);
  if (!definition) {
    return { ok: false, problems: [`unknown event type ${envelope.type}`] };
  }
  const data = plainToInstance(definition.payload, envelope.data) as T;
  const payloadErrors = validateSync(data, { forbidUnknownValues: true });
  if (payloadErrors.length > 0) {
    return { ok: false, problems: flattenErrors(payloadErrors, 'data') };
  }
  return { ok: true, event: { ...envelope, data } as CloudEvent<T> };
}

/** The same rules, for a producer about to write a payload: throws on the first violation. */
export function assertValidPayload(definition: EventDefinition, data: object): void {
  const errors = validateSync(plainToInstance(definition.payload, data), { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new Error(`${definition.type} payload violates its contract: ${flattenErrors(errors, 'data').join('; ')}`);
  }
}

function findDefinition(
  definitions: ReadonlyMap<string, EventDefinition> | readonly EventDefinition[],
  type: string,
): EventDefinition | undefined {
  if (definitions instanceof Map) return definitions.get(type);
  return (definitions as readonly EventDefinition[]).find((d) => d.type === type);
}

function flattenErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}
