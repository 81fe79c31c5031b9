import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/*
 * Hand-written SQL on the hot paths (a transition is a handful of statements, each a round trip
 * that counts), with the entities' own column names and value transformers.
 */

/** A raw row (`SELECT *`, `RETURNING *`) as the entity. */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const raw = row[column.databaseName];
    const transformer = column.transformer;
    const value = transformer && !Array.isArray(transformer) ? transformer.from(raw) : raw;
    column.setEntityValue(entity, value);
  }
  return entity;
}

/** `col = $n, …` for the changed properties, with their values as the database takes them. */
export function setClause<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  changes: Partial<T>,
  firstIndex: number,
): { sql: string; parameters: unknown[] } {
  const metadata = manager.connection.getMetadata(target);
  const assignments: string[] = [];
  const parameters: unknown[] = [];
  for (const [property, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for ${property}`);
    const transformer = column.transformer;
    parameters.push(transformer && !Array.isArray(transformer) ? transformer.to(value) : value);
    assignments.push(`"${column.databaseName}" = $${firstIndex + parameters.length - 1}`);
  }
  return { sql: assignments.join(', '), parameters };
}

/**
 * Runs an `UPDATE … RETURNING` and gives its rows: TypeORM's postgres driver answers UPDATE and
 * DELETE with `[rows, affectedCount]` rather than the rows themselves.
 */
export async function updateReturning(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Array<Record<string, unknown>>> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Array<Record<string, unknown>>;
  }
  return result as Array<Record<string, unknown>>;
}
