import { buildAsyncApiDocument } from './asyncapi-document';
import { eventCatalogue } from './event-catalogue';

/** Bumped with every change to the catalogue: a new event type or version, or (minor) an added optional field. */
export const CONTRACTS_VERSION = '1.2.0';

/** The AsyncAPI document of every event in this library (committed as libs/contracts/asyncapi.json). */
export function asyncApiDocument(): object {
  return buildAsyncApiDocument(eventCatalogue(), CONTRACTS_VERSION);
}
