import { rename, writeFile } from 'node:fs/promises';
import { signCheckpoint, type AuditCheckpoint, type AuditSigner } from './auditCheckpoint.js';
import { latestCheckpoint, readLogId, registerSigningKey } from './auditCheckpoints.js';
import { sealAuditQueue } from './sealAuditQueue.js';
import type { SqlClient, Store } from './sqlClient.js';

export interface AuditSealerOptions {
  /** Wait this long after a commit before sealing, so concurrent commits share a batch (default 50 ms). */
  readonly batchDelayMs?: number;
  /** Also look for entries written by other processes this often (default 1000 ms). */
  readonly pollMs?: number;
  /** Queue entries chained per round (default 5000). */
  readonly maxEntries?: number;
  /**
   * A file outside the database that always holds the latest checkpoint (JSON), written after its commit:
   * a witness that a database superuser cannot reach from the database.
   */
  readonly witnessFile?: string;
  /** The checkpoint's time (defaults to the system clock). */
  readonly clock?: () => Date;
  /** A failed round is retried at the next poke or poll; this hears about it. */
  readonly onError?: (error: unknown) => void;
}

export interface AuditSealer {
  readonly keyId: string;
  /** A write committed: seal it (and whatever else is queued) within batchDelayMs. */
  poke(): void;
  /** Seals everything committed so far and signs a checkpoint of the head; resolves with the latest checkpoint. */
  sealNow(): Promise<AuditCheckpoint | undefined>;
  /** The last checkpoint this sealer signed or found. */
  latest(): AuditCheckpoint | undefined;
  /** Stops the timers after a last round. */
  stop(): Promise<void>;
}

/**
 * One round: chain the queued entries and, when the head moved past the latest checkpoint, sign a new
 * checkpoint, both in one transaction (a checkpoint never names a head that did not commit).
 */
export async function sealAndCheckpoint(
  store: SqlClient,
  signer: AuditSigner,
  options: { maxEntries?: number; clock?: () => Date; logId?: string } = {},
): Promise<AuditCheckpoint | undefined> {
  return store.transaction(async (tx) => {
    const head = await sealAuditQueue(tx, options.maxEntries);
    // the latest checkpoint and the rows chained since it, in one statement
    const { rows } = await tx.query<{ checkpoint_id: number | null; tree_size: number | null; last_audit_id: number | null; key_id: string | null; since: number }>(
      `WITH latest AS (SELECT checkpoint_id, tree_size, last_audit_id, key_id FROM audit_checkpoints ORDER BY checkpoint_id DESC LIMIT 1)
       SELECT latest.checkpoint_id, latest.tree_size, latest.last_audit_id, latest.key_id,
         (SELECT count(*) FROM audit_log WHERE audit_id > coalesce(latest.last_audit_id, 0) AND audit_id <= $1)::bigint AS since
       FROM (SELECT 1) one LEFT JOIN latest ON true`,
      [head.lastAuditId],
    );
    const previous = rows[0];
    if (previous.checkpoint_id !== null && previous.last_audit_id === head.lastAuditId && previous.key_id === signer.keyId) return latestCheckpoint(tx);
    if (previous.checkpoint_id === null && head.lastAuditId === 0) return undefined;
    const checkpoint = signCheckpoint(
      {
        logId: options.logId ?? (await readLogId(tx)),
        treeSize: (previous.tree_size ?? 0) + previous.since,
        lastAuditId: head.lastAuditId,
        headHash: head.headHash,
        signedAt: (options.clock?.() ?? new Date()).toISOString(),
      },
      signer,
    );
    await tx.query('INSERT INTO audit_checkpoints (tree_size, last_audit_id, head_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)', [
      checkpoint.treeSize,
      checkpoint.lastAuditId,
      checkpoint.headHash,
      new Date(checkpoint.signedAt),
      checkpoint.keyId,
      checkpoint.signature,
    ]);
    return checkpoint;
  });
}

async function writeWitness(file: string, checkpoint: AuditCheckpoint): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o644 });
  await rename(temporary, file);
}

/**
 * The one sealer of a server process: registers the signing key's public half, seals what is queued,
 * then seals after every poke (batched) and on a slow poll (entries written by other processes, e.g. a
 * second server on the same PostgreSQL; the chain lock keeps the sealers from interleaving).
 */
export async function startAuditSealer(store: Store, signer: AuditSigner, options: AuditSealerOptions = {}): Promise<AuditSealer> {
  const batchDelayMs = options.batchDelayMs ?? 50;
  const pollMs = options.pollMs ?? 1000;
  await registerSigningKey(store, signer);
  const logId = await readLogId(store);
  let latest: AuditCheckpoint | undefined;
  let running: Promise<AuditCheckpoint | undefined> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let witnessed: AuditCheckpoint | undefined;

  const round = async (): Promise<AuditCheckpoint | undefined> => {
    const checkpoint = await sealAndCheckpoint(store, signer, {
      logId,
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    if (checkpoint !== undefined) latest = checkpoint;
    if (options.witnessFile !== undefined && checkpoint !== undefined && checkpoint !== witnessed) {
      await writeWitness(options.witnessFile, checkpoint);
      witnessed = checkpoint;
    }
    return checkpoint;
  };

  // rounds never overlap; a poke during a round asks for one more round after it
  const run = (): Promise<AuditCheckpoint | undefined> => {
    if (running !== undefined) return running.then(() => run());
    running = round()
      .catch((error: unknown) => {
        options.onError?.(error);
        return latest;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          schedule(batchDelayMs);
        }
      });
    return running;
  };

  const schedule = (delay: number): void => {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delay);
    timer.unref();
  };

  const poll = setInterval(() => {
    if (running === undefined && timer === undefined) void run();
  }, pollMs);
  poll.unref();

  await run();
  return Object.freeze({
    keyId: signer.keyId,
    poke: () => {
      if (running !== undefined) again = true;
      else schedule(batchDelayMs);
    },
    sealNow: () => run(),
    latest: () => latest,
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (running !== undefined) await running;
      await run();
    },
  });
}
