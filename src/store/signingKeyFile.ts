import { generateKeyPairSync, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createAuditSigner, type AuditSigner } from './auditCheckpoint.js';
import { StoreError } from './storeError.js';

export interface LoadedSigningKey {
  readonly signer: AuditSigner;
  /** True when the file did not exist and a new key was written. */
  readonly created: boolean;
  /** The public key beside it (<file>.pub, SPKI PEM): what an inspector pins. */
  readonly publicKeyFile: string;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/**
 * The trial's Ed25519 checkpoint key, a PKCS#8 PEM file kept outside the database (mode 0600). Created on
 * first use, with its public half in <file>.pub. Its place decides what a database superuser can forge:
 * nothing, as long as they cannot read this file (README, "Tamper evidence").
 */
export async function loadOrCreateSigningKey(file: string): Promise<LoadedSigningKey> {
  const publicKeyFile = `${file}.pub`;
  let pem: string | undefined;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw new StoreError('invalid-config', `cannot read the audit signing key ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (pem !== undefined) {
    try {
      return { signer: createAuditSigner(createPrivateKey(pem)), created: false, publicKeyFile };
    } catch (error) {
      throw new StoreError('invalid-config', `${file} is not an Ed25519 private key (PKCS#8 PEM): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(file), { recursive: true });
  // 'wx': two processes starting at once must not each write a key
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  });
  const stored = createPrivateKey(await readFile(file, 'utf8'));
  await writeFile(publicKeyFile, createPublicKey(stored).export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { signer: createAuditSigner(stored), created: true, publicKeyFile };
}
