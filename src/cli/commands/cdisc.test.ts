import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CheckReport } from '../../cdisc/index.js';
import { existsSync, readdirSync } from 'node:fs';
import { FIXTURE_TRIALS } from '../../cdisc/package/packageFixtures.test.js';
import { cliRecorder, sampleAdamPackage, samplePackageFiles, sampleSdtmPackage } from '../../testing/index.js';
import { main } from '../main.js';

function writeFolder(dir: string, files: Map<string, Uint8Array>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
}

describe('trialkit cdisc', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'trialkit-cdisc-'));
    writeFolder(join(root, 'good', 'sdtm'), samplePackageFiles(sampleSdtmPackage()));
    writeFolder(join(root, 'good', 'adam'), samplePackageFiles(sampleAdamPackage()));
    writeFolder(
      join(root, 'bad'),
      samplePackageFiles(sampleSdtmPackage(), { datasets: (ds) => ds.map((d) => (d.name === 'AE' ? { ...d, rows: d.rows.map((r) => ({ ...r, AESEQ: 1 })) } : d)) }),
    );
    mkdirSync(join(root, 'empty'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('--check checks each package sub-folder and exits 0 without errors', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['cdisc', '--check', join(root, 'good')], rec.io), 0);
    const text = rec.stdout();
    assert.match(text, /^adam \(ADaM\): 2 datasets \(ADSL 3 rows, ADTTE 6 rows\); 0 errors, \d+ warnings/m);
    assert.match(text, /^sdtm \(SDTM\): 2 datasets \(AE 3 rows, DM 3 rows\); 0 errors/m);
    assert.match(text, /rule\s+severity\s+dataset\s+variable\s+row\s+message/);
    assert.match(text, /\nno errors, \d+ warnings\n$/);
  });

  it('--check prints the errors of a package folder and exits 1; --json gives the typed findings', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['cdisc', '--check', join(root, 'bad')], rec.io), 1);
    assert.match(rec.stdout(), /TK-SDTM-003\s+error\s+AE\s+AESEQ\s+2\s+AESEQ 1 repeats for USUBJID TK-SYNTH-001-S01-001 \(first at row 1\)/);
    const json = cliRecorder();
    assert.equal(await main(['cdisc', '--check', join(root, 'bad'), '--json'], json.io), 1);
    const parsed = JSON.parse(json.stdout()) as { packages: CheckReport[]; errors: number };
    assert.equal(parsed.errors, 1);
    assert.deepEqual(parsed.packages[0].findings.find((f) => f.severity === 'error'), {
      ruleId: 'TK-SDTM-003',
      severity: 'error',
      dataset: 'AE',
      variable: 'AESEQ',
      row: 2,
      message: 'AESEQ 1 repeats for USUBJID TK-SYNTH-001-S01-001 (first at row 1)',
    });
  });

  for (const { name, make } of FIXTURE_TRIALS) {
    it(`--out writes the package of a trial file (${name}), checks it and exits 0`, async () => {
      const { trial } = make();
      const file = join(root, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(trial));
      const out = join(root, `out-${name.replace(/\W+/g, '-')}`);
      const rec = cliRecorder();
      assert.equal(await main(['cdisc', '--out', out, '--trial', file], rec.io), 0, rec.stderr());
      const text = rec.stdout();
      assert.match(text, /^SYNTHETIC DATA\. CDISC package of /);
      assert.match(text, new RegExp(`\\n {2}sdtm: TA \\d+, TE \\d+, TI \\d+, TS \\d+, TV \\d+, DM ${trial.subjects.length}, DS \\d+`));
      assert.match(text, new RegExp(`\\n {2}adam: ADSL ${trial.subjects.length - 1}, `), 'ADSL: the enrolled subjects');
      assert.match(text, /^sdtm \(SDTM\): \d+ datasets .*; 0 errors, 0 warnings$/m);
      assert.match(text, /^adam \(ADaM\): 8 datasets .*; 0 errors, 0 warnings$/m);
      assert.match(text, /\nno errors, 0 warnings\n$/);
      for (const folder of ['sdtm', 'adam']) {
        const files = readdirSync(join(out, folder));
        assert.ok(files.includes('define.xml') && files.includes('define2-1.xsl'), folder);
      }
      assert.ok(existsSync(join(out, 'sdtm', 'dm.xpt')) && existsSync(join(out, 'adam', 'adsl.xpt')));
      const check = cliRecorder();
      assert.equal(await main(['cdisc', '--check', out], check.io), 0);
    });
  }

  it('--out refuses an unknown protocol (exit 2)', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['cdisc', '--out', join(root, 'never'), '--protocol', 'no-such-protocol'], rec.io), 2);
    assert.match(rec.stderr(), /unknown protocol/);
    assert.equal(existsSync(join(root, 'never')), false);
  });

  it('--rules lists the catalogue', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['cdisc', '--rules'], rec.io), 0);
    assert.match(rec.stdout(), /TK-SDTM-003\s+error\s+--SEQ is unique within USUBJID/);
  });

  it('refuses a folder without a package, a missing folder and a missing mode (exit 2)', async () => {
    for (const args of [['--check', join(root, 'empty')], ['--check', join(root, 'nowhere')], [], ['--check', root, '--rules']]) {
      const rec = cliRecorder();
      assert.equal(await main(['cdisc', ...args], rec.io), 2, args.join(' '));
      assert.match(rec.stderr(), /trialkit cdisc: /);
    }
  });
});
