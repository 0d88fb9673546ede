import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, issue } from '../result/index.js';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
export type ParsedArgs<O extends CommandOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * util.parseArgs with errors turned into InputErrors (main() prefixes the command's name), so every command
 * reports a bad flag the same way.
 */
export function parseCommandArgs<O extends CommandOptions>(
  _command: string,
  args: readonly string[],
  options: O,
): ParsedArgs<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(reason, [issue('bad-argument', ['argv'], args.join(' '), 'the flags listed by --help')]);
  }
}

/** Parses a number flag; names the flag and the value when it is not a finite number in range. */
export function numberArg(
  _command: string,
  flag: string,
  raw: string | undefined,
  fallback: number,
  range?: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  let ok = raw.trim() !== '' && Number.isFinite(value);
  if (ok && range !== undefined) {
    if (range.integer === true && !Number.isInteger(value)) ok = false;
    if (range.min !== undefined && (range.exclusiveMin === true ? value <= range.min : value < range.min)) ok = false;
    if (range.max !== undefined && (range.exclusiveMax === true ? value >= range.max : value > range.max)) ok = false;
  }
  if (!ok) {
    const expected = describeRange(range);
    throw new InputError(`${flag} ${JSON.stringify(raw)} is not valid; expected ${expected}`, [
      issue('bad-number', [flag], raw, expected),
    ]);
  }
  return value;
}

function describeRange(range?: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; integer?: boolean }): string {
  const kind = range?.integer === true ? 'a whole number' : 'a number';
  const parts: string[] = [];
  if (range?.min !== undefined) parts.push(`${range.exclusiveMin === true ? '>' : '>='} ${range.min}`);
  if (range?.max !== undefined) parts.push(`${range.exclusiveMax === true ? '<' : '<='} ${range.max}`);
  return parts.length === 0 ? kind : `${kind} ${parts.join(' and ')}`;
}
