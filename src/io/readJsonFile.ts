import { InputError, issue } from '../result/index.js';
import { readTextFile } from './readTextFile.js';

/**
 * Reads a JSON input file (a BOM is allowed), or throws an InputError naming the file and what was
 * expected: `expected` describes the document, e.g. 'one JSON object (a screening record)'.
 */
export function readJsonFile(file: string, expected: string): unknown {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`, [issue('file-unreadable', [file], file, 'a readable JSON file')]);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file} is not valid JSON: ${reason}`, [issue('bad-json', [file], undefined, expected)]);
  }
}
