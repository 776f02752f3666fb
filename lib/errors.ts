// Typed domain errors. Adapters (server actions, route handlers) map them to responses in one
// place: lib/http.ts. Anything that is not one of these is a bug and becomes a generic 500.

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(entity = 'Resource') {
    super(`${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  constructor(
    message = 'Sign in to continue',
    /** The WWW-Authenticate challenge the API answers with (RFC 9110 §11.6.1), if any. */
    readonly challenge?: string,
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export type FieldErrors = Record<string, string[]>;

export class ValidationError extends DomainError {
  readonly status = 422;
  readonly code = 'validation_failed';
  constructor(
    readonly fieldErrors: FieldErrors,
    message?: string,
  ) {
    super(message ?? summarizeFieldErrors(fieldErrors));
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

function summarizeFieldErrors(fieldErrors: FieldErrors): string {
  const parts = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(', ')}`);
  return parts.length ? `Invalid input — ${parts.join('; ')}` : 'Invalid input';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
  constructor(message = 'Send the request body as JSON (Content-Type: application/json)') {
    super(message);
  }
}
