import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed checkpoints of the audit chain's head, in the manner of a transparency log's signed tree head
 * (Certificate Transparency, Trillian; the note format of C2SP tlog-checkpoint): a short text naming the
 * log, how many chained rows it holds, the last row's audit_id and hash, and when, signed with Ed25519.
 * A checkpoint held anywhere outside the database (the server's witness file, a snapshot's evidence
 * bundle, a sponsor's copy) pins the trail up to that row: any later rewrite or truncation of those
 * rows no longer ends in the signed hash, and without the private key no new checkpoint can be made.
 */
export interface AuditCheckpoint {
  /** audit_log_identity.log_id of the trial database. */
  readonly logId: string;
  /** Chained rows up to and including lastAuditId. */
  readonly treeSize: number;
  readonly lastAuditId: number;
  /** audit_log.hash of lastAuditId (64 zeros for an empty log). */
  readonly headHash: string;
  /** ISO 8601 with milliseconds, UTC. */
  readonly signedAt: string;
  /** The first 16 hex digits of sha256 of the raw public key. */
  readonly keyId: string;
  /** Ed25519 signature of checkpointStatement(), base64. */
  readonly signature: string;
}

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'keyId' | 'signature'>;

export const CHECKPOINT_FORMAT = 'trialkit-audit-checkpoint v1';

/** The exact text that is signed: one field a line, nothing a reader must canonicalise. */
export function checkpointStatement(checkpoint: UnsignedCheckpoint): string {
  return `${CHECKPOINT_FORMAT}\nlog ${checkpoint.logId}\nsize ${checkpoint.treeSize}\nlast ${checkpoint.lastAuditId}\nhead ${checkpoint.headHash}\ntime ${checkpoint.signedAt}\n`;
}

export interface TrustedKey {
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
}

export interface AuditSigner extends TrustedKey {
  /** Signs a statement; base64 signature. */
  sign(statement: string): string;
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function publicKeyId(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

export function createAuditSigner(privateKey: KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be Ed25519 (got ${String(privateKey.asymmetricKeyType)})`);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return Object.freeze({
    keyId: publicKeyId(publicKey),
    publicKey,
    sign: (statement: string) => sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64'),
  });
}

/** A fresh key held in memory only (tests, benchmarks). */
export function generateAuditSigner(): AuditSigner {
  return createAuditSigner(generateKeyPairSync('ed25519').privateKey);
}

/** The public key of a PEM: an SPKI public key, or a PKCS#8 private key (its public half). */
export function trustedKeyFromPem(pem: string): TrustedKey {
  const key = /PRIVATE KEY/.test(pem) ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${String(key.asymmetricKeyType)})`);
  const publicKey = rawPublicKey(key);
  return Object.freeze({ keyId: publicKeyId(publicKey), publicKey });
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, signer: AuditSigner): AuditCheckpoint {
  return Object.freeze({ ...checkpoint, keyId: signer.keyId, signature: signer.sign(checkpointStatement(checkpoint)) });
}

/** Whether the signature is valid for this key (and the key is the one the checkpoint names). */
export function verifyCheckpointSignature(checkpoint: AuditCheckpoint, key: TrustedKey): boolean {
  if (checkpoint.keyId !== key.keyId || publicKeyId(key.publicKey) !== key.keyId) return false;
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    return verify(null, Buffer.from(checkpointStatement(checkpoint), 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

const hex64 = /^[0-9a-f]{64}$/;

/** A checkpoint read from a file someone kept (JSON), or the reason it is not one. */
export function parseCheckpoint(value: unknown): AuditCheckpoint | string {
  if (value === null || typeof value !== 'object') return 'not a JSON object';
  const v = value as Record<string, unknown>;
  const wanted: readonly [string, (x: unknown) => boolean][] = [
    ['logId', (x) => typeof x === 'string' && x !== ''],
    ['treeSize', (x) => Number.isSafeInteger(x) && (x as number) >= 0],
    ['lastAuditId', (x) => Number.isSafeInteger(x) && (x as number) >= 0],
    ['headHash', (x) => typeof x === 'string' && hex64.test(x)],
    ['signedAt', (x) => typeof x === 'string' && !Number.isNaN(Date.parse(x))],
    ['keyId', (x) => typeof x === 'string' && /^[0-9a-f]{16}$/.test(x)],
    ['signature', (x) => typeof x === 'string' && x !== ''],
  ];
  for (const [key, check] of wanted) if (!check(v[key])) return `field ${key} is missing or malformed`;
  return Object.freeze({
    logId: v.logId as string,
    treeSize: v.treeSize as number,
    lastAuditId: v.lastAuditId as number,
    headHash: v.headHash as string,
    signedAt: v.signedAt as string,
    keyId: v.keyId as string,
    signature: v.signature as string,
  });
}
