import { DECLARATION_FIELDS, REQUIRED_DECLARATION_FIELDS } from '../declarations/declaration.rules';

/** Rejected rows an import keeps with their errors (all are counted). */
export const MAX_STORED_REJECTIONS = 100;

export const IMPORT_STATUSES = ['RECEIVING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * RECEIVING while the file is uploaded; PROCESSING once it is read, until the ingest consumer has
 * dealt with every accepted row (new, duplicate or dead-lettered); then COMPLETED. FAILED when the
 * upload broke off (rows accepted before that are still ingested).
 */
export function importStatus(stored: 'RECEIVING' | 'RECEIVED' | 'FAILED', accepted: number, processed: number): ImportStatus {
  if (stored === 'FAILED') return 'FAILED';
  if (stored === 'RECEIVING') return 'RECEIVING';
  return processed >= accepted ? 'COMPLETED' : 'PROCESSING';
}

/** What is wrong with a CSV header row (empty when it names every required field, each once, and nothing else). */
export function headerProblems(columns: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set<string>(DECLARATION_FIELDS);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!known.has(column)) problems.push(`unknown column "${column.slice(0, 40)}"; the columns are ${DECLARATION_FIELDS.join(', ')}`);
    else if (seen.has(column)) problems.push(`column "${column}" appears twice`);
    seen.add(column);
  }
  for (const field of REQUIRED_DECLARATION_FIELDS) if (!seen.has(field)) problems.push(`required column "${field}" is missing`);
  return problems;
}
