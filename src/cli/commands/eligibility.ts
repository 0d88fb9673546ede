import { readJsonFile } from '../../io/index.js';
import { computeEligibility, screeningSchemaOf, type CriterionResult, type EligibilityValue } from '../../clinical/index.js';
import { InputError, formatIssue, issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { protocolArg } from '../protocolArg.js';
import { toJson } from '../render.js';

const USAGE = `Usage: trialkit eligibility <patient.json> --protocol <id> [--json]

Screens one patient's screening record (JSON) against a protocol's eligibility criteria
(\`trialkit protocols\` lists them) and lists every criterion with its status ("met", "not met" or
"not evaluable"), the values it used (with units, after unit conversion) and why. For an exclusion
criterion "met" means the excluding condition is absent. The record holds the items every protocol
collects (dates, age, sex, weight, ECOG, prior lines) and the labs, measures and facts the
protocol's criteria declare (its screening form).

eligible is true only when every criterion is met, false when any is not met, and null when none
fails but some cannot be evaluated for missing data.

Options:
  --protocol <id>   the protocol whose criteria apply (required)
  --json   machine-readable output: { eligible, protocol, criteriaVersion, subjectId, counts,
           criteria: [{ id, kind, text, source, status, values, reason? }], warnings }

Exit status: 0 when the record was screened (whatever the answer); 2 when the file is unreadable,
not JSON, or not a valid screening record (each problem is named by its JSON path).
Examples: examples/<protocol>/screening-eligible.json (and screening-ineligible.json)
`;


const MARK: Readonly<Record<CriterionResult['status'], string>> = { met: '[x]', 'not met': '[ ]', 'not evaluable': '[?]' };

function formatValue(value: EligibilityValue): string {
  const shown = value.value === null ? 'not recorded' : typeof value.value === 'number' ? String(Number(value.value.toPrecision(6))) : String(value.value);
  const unit = value.unit === undefined || value.value === null ? '' : ` ${value.unit}`;
  const reported = value.reported === undefined || value.reported === `${String(value.value)} ${value.unit ?? ''}`.trim() ? '' : ` (reported ${value.reported})`;
  return `${shown}${unit}${reported}`;
}

function checklist(criteria: readonly CriterionResult[]): string {
  const idWidth = Math.max(...criteria.map((c) => c.id.length));
  const lines: string[] = [];
  for (const kind of ['inclusion', 'exclusion'] as const) {
    lines.push(kind === 'inclusion' ? 'Inclusion criteria' : 'Exclusion criteria ("met" = condition absent)');
    for (const c of criteria.filter((x) => x.kind === kind)) {
      lines.push(`  ${MARK[c.status]} ${c.id.padEnd(idWidth)}  ${c.status.padEnd(13)}  ${c.text}`);
      const values = Object.entries(c.values).map(([name, value]) => `${name} = ${formatValue(value)}`);
      if (values.length > 0) lines.push(`      values: ${values.join('; ')}`);
      if (c.reason !== undefined) lines.push(`      reason: ${c.reason}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const eligibilityCommand: Command = {
  name: 'eligibility',
  usage: USAGE,
  run: (args, io) => {
    const parsed = parseCommandArgs('eligibility', args, { json: { type: 'boolean', default: false }, protocol: { type: 'string' } });
    const files = parsed.positionals;
    if (files.length !== 1)
      throw new InputError(`expected one screening record file, got ${files.length}\n\n${USAGE}`, [
        issue('bad-argument', ['argv'], args.join(' '), 'trialkit eligibility <patient.json> --protocol <id> [--json]'),
      ]);
    const file = files[0];
    const protocol = protocolArg(parsed.values.protocol).definition;
    const outcome = computeEligibility(readJsonFile(file, 'one JSON object (a screening record)'), protocol.eligibility, screeningSchemaOf(protocol));
    if (!outcome.ok) throw new InputError(`${file} is not a valid screening record`, outcome.issues);
    const result = outcome.value;
    for (const warning of outcome.issues) io.err(`warning: ${formatIssue(warning, file)}\n`);

    if (parsed.values.json === true) {
      io.out(toJson({ ...result, warnings: outcome.issues }));
      return 0;
    }
    const verdict = result.eligible === true ? 'ELIGIBLE' : result.eligible === false ? 'NOT ELIGIBLE' : 'NOT DETERMINED (missing data)';
    io.out(
      [
        `${result.protocol} eligibility (criteria ${result.criteriaVersion})${result.subjectId === null ? '' : ` for ${result.subjectId}`}: ${file}`,
        '',
        checklist(result.criteria),
        `Eligible: ${verdict}  (${result.counts.met} met, ${result.counts['not met']} not met, ${result.counts['not evaluable']} not evaluable)`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
