import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countRows, inRolledBackTransaction, passThroughTransactions } from './contractSupport.js';
import { isStoreError } from './storeError.js';
import { getTrialProtocol, openTrialProtocol } from './trialProtocol.js';
import { setAuditContext } from './withAuditContext.js';

/**
 * The trial's protocol (migration 5): recorded once and audited, then only checked. The row is
 * database-wide, so each test works inside a transaction it rolls back.
 */
export function trialProtocolContract(getStore: StoreProvider): void {
  void describe('trial protocol', () => {
    void it('records the protocol id, version and synthetic flag once, with an audit row, and opens it again unchanged', async () => {
      await inRolledBackTransaction(getStore(), async (tx) => {
        const client = passThroughTransactions(tx);
        assert.equal(await getTrialProtocol(tx), undefined);
        const first = await openTrialProtocol(client, { protocolId: 'proto-a', protocolVersion: '2.1', synthetic: true }, 'system:test');
        assert.deepEqual([first.protocolId, first.protocolVersion, first.synthetic, first.createdBy], ['proto-a', '2.1', true, 'system:test']);
        const again = await openTrialProtocol(client, { protocolId: 'proto-a', protocolVersion: '2.1' }, 'someone-else');
        assert.deepEqual(again, first, 'a second opener reads the recorded row; synthetic unset accepts either');
        // audit entries are queued in the writing transaction and sealed into the chain later (migration 6)
        const queued = await countRows(tx, "SELECT 1 FROM audit_queue WHERE table_name = 'trial' AND record_id = 'proto-a'");
        const sealed = await countRows(tx, "SELECT 1 FROM audit_log WHERE table_name = 'trial' AND record_id = 'proto-a'");
        assert.equal(queued + sealed, 1, 'one audit entry: the first opener');
      });
    });

    void it('refuses a different protocol, another version of it, or the other synthetic flag, naming both, and writes nothing', async () => {
      await inRolledBackTransaction(getStore(), async (tx) => {
        const client = passThroughTransactions(tx);
        await openTrialProtocol(client, { protocolId: 'proto-a', protocolVersion: '1.0', synthetic: false }, 'system:test');
        const refused = async (wanted: Parameters<typeof openTrialProtocol>[1], pattern: RegExp): Promise<void> => {
          await assert.rejects(openTrialProtocol(client, wanted, 'system:test'), (error) => isStoreError(error, 'protocol-mismatch') && pattern.test(error.message));
        };
        await refused({ protocolId: 'proto-b', protocolVersion: '1.0' }, /proto-a version 1\.0.*cannot be opened as protocol proto-b/);
        await refused({ protocolId: 'proto-a', protocolVersion: '1.1' }, /version 1\.0.*defines version 1\.1/);
        await refused({ protocolId: 'proto-a', protocolVersion: '1.0', synthetic: true }, /real \(not synthetic\)/);
        assert.equal(await countRows(tx, 'SELECT 1 FROM trial'), 1);
        assert.equal((await getTrialProtocol(tx))?.protocolId, 'proto-a');
      });
    });

    void it('refuses to change or remove the recorded protocol (TKP01), even with a reason', async () => {
      for (const statement of ["UPDATE trial SET protocol_id = 'proto-b'", 'DELETE FROM trial', 'TRUNCATE trial']) {
        const error = await inRolledBackTransaction(getStore(), async (tx) => {
          await openTrialProtocol(passThroughTransactions(tx), { protocolId: 'proto-a', protocolVersion: '1.0' }, 'system:test');
          await setAuditContext(tx, { user: 'dba', reason: 'repurpose' });
          return tx.query(statement).then(
            () => undefined,
            (failure: unknown) => failure,
          );
        });
        assert.ok(isStoreError(error, 'trial-set-once'), `${statement}: ${String(error)}`);
      }
    });
  });
}
