/**
 * Base class of every error the kernel throws for a value that breaks a domain rule, so that the
 * HTTP layer can map all of them to 400 with one `instanceof` check instead of string matching.
 */
export class DomainValidationError extends Error {
  constructor(
    /** Machine-readable code, e.g. `INVALID_MONEY`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
