import { createHash, randomBytes } from 'node:crypto';

/** `ml_<id>_<random>`: the id is public (lists, logs), the whole string is the secret. */
const SECRET_PATTERN = /^ml_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

export interface NewSecret {
  readonly id: string;
  readonly secret: string;
  readonly secretHash: string;
}

export function newSecret(): NewSecret {
  const id = randomBytes(8).toString('hex');
  const secret = `ml_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, secret, secretHash: hashSecret(secret) };
}

/** Only the sha256 is stored; the secret is shown once, at creation. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
