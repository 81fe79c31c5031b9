/** Strong ETag of a versioned resource: the version, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Whether an `If-Match` header (RFC 9110 §13.1.1) admits the current version: `*`, or a list of
 * entity tags one of which is `"<version>"`. Weak tags (`W/"3"`) are compared by their value too,
 * since clients copy whatever they received. An unparseable header matches nothing.
 */
export function ifMatchAllows(header: string, version: number): boolean {
  const wanted = String(version);
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    const value = /^(?:W\/)?"([^"]*)"$/.exec(tag)?.[1] ?? (/^\d+$/.test(tag) ? tag : undefined);
    return value === wanted;
  });
}
