export type SignalsErrorKind = 'unreachable' | 'unauthorised' | 'bad-query' | 'timeout' | 'server' | 'malformed' | 'cancelled';

/** A backend failure said in words a user understands, keeping the backend's own text. */
export class SignalsError extends Error {
  constructor(
    readonly kind: SignalsErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(detail ? `${message}: ${detail}` : message);
    this.name = 'SignalsError';
  }
}
