import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps @Type() metadata in a storage its entry point does not export.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  nullable?: boolean;
}

type PayloadClass = new () => object;

// Westgate's own decorators (libs/domain), described for readers of the document.
const DOMAIN_FORMATS: Record<string, JsonSchema> = {
  isMoney: { type: 'string', pattern: '^-?\\d{1,16}(\\.\\d{1,2})?$', description: 'exact decimal amount' },
  isPeriod: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'period YYYY-MM' },
  isUscc: { type: 'string', pattern: '^[0-9A-HJ-NP-RTUWXY]{18}$', description: 'unified social credit code (GB 32100-2015)' },
  isHsCode: { type: 'string', pattern: '^\\d{6,10}$', description: 'HS code' },
  isCountryCode: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
  isZoneCode: { type: 'string', description: 'code from the zones catalogue' },
  isRegion: { type: 'string', description: 'prefecture code or name' },
  isTradeFairCode: { type: 'string', description: 'trade fair code' },
};

/**
 * A JSON Schema of a payload class, read from its class-validator rules (and class-transformer's
 * @Type for nested classes): the rules the consumers enforce are the schema readers see.
 */
export function schemaOf(payload: PayloadClass, schemas: Record<string, JsonSchema>): JsonSchema {
  const rules = getMetadataStorage().getTargetValidationMetadatas(payload, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, propertyRules] of byProperty) {
    const optional = propertyRules.some((rule) => rule.type === 'conditionalValidation');
    if (!optional) required.push(property);
    properties[property] = propertySchema(payload, property, propertyRules, schemas);
    if (optional) properties[property].nullable = true;
  }
  return { type: 'object', properties, required };
}

function propertySchema(owner: PayloadClass, property: string, rules: ValidationMetadata[], schemas: Record<string, JsonSchema>): JsonSchema {
  const schema: JsonSchema = {};
  const element: JsonSchema = {};
  for (const rule of rules) {
    const target = rule.each ? element : schema;
    applyRule(target, rule.name ?? rule.type, rule.constraints ?? []);
    if (rule.type === 'nestedValidation') {
      const nested = defaultMetadataStorage.findTypeMetadata(owner, property)?.typeFunction() as PayloadClass | undefined;
      if (nested) {
        schemas[nested.name] ??= schemaOf(nested, schemas);
        target.$ref = `#/components/schemas/${nested.name}`;
      }
    }
  }
  if (Object.keys(element).length > 0) schema.items = { ...schema.items, ...element };
  return schema;
}

function applyRule(schema: JsonSchema, name: string, constraints: unknown[]): void {
  const domain = DOMAIN_FORMATS[name];
  if (domain) return void Object.assign(schema, domain);
  switch (name) {
    case 'isString':
      schema.type = 'string';
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isNumber':
      schema.type = 'number';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'isArray':
      schema.type = 'array';
      break;
    case 'isObject':
      schema.type = 'object';
      break;
    case 'isUuid':
    case 'isUUID':
      Object.assign(schema, { type: 'string', format: 'uuid' });
      break;
    case 'isEmail':
      Object.assign(schema, { type: 'string', format: 'email' });
      break;
    case 'isIso8601':
    case 'isISO8601':
      Object.assign(schema, { type: 'string', format: 'date-time' });
      break;
    case 'isIn':
      schema.enum = constraints[0] as unknown[];
      break;
    case 'equals':
      schema.const = constraints[0];
      break;
    case 'matches':
      schema.pattern = (constraints[0] as RegExp).source;
      break;
    case 'min':
      schema.minimum = constraints[0] as number;
      break;
    case 'max':
      schema.maximum = constraints[0] as number;
      break;
    case 'maxLength':
      schema.maxLength = constraints[0] as number;
      break;
    case 'minLength':
      schema.minLength = constraints[0] as number;
      break;
    case 'arrayMaxSize':
      schema.maxItems = constraints[0] as number;
      break;
    default:
      break;
  }
}
