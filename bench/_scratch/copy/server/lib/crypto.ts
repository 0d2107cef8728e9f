import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe token with 256 bits of entropy (session cookies, invite and reset links). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored hashed so a copy of the database cannot be used to sign in or accept invites. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Keys derived from the one instance secret, one per purpose. */
export interface InstanceKeys {
  encryption: Buffer;
  identifierHash: Buffer;
}

export function deriveKeys(secret: string): InstanceKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'kinship', info, 32));
  return { encryption: derive('totp-secret-encryption'), identifierHash: derive('identifier-hash') };
}

/** Keyed hash of an identifier (an email address) for logs that must not hold the identifier itself. */
export const hashIdentifier = (keys: InstanceKeys, value: string): string =>
  createHmac('sha256', keys.identifierHash).update(value.trim().toLowerCase()).digest('base64url');

export function encrypt(keys: InstanceKeys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function decrypt(keys: InstanceKeys, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('Malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
