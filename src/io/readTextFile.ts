import { readFileSync } from 'node:fs';

/**
 * A UTF-8 text file as a string. Read as bytes and then decoded: Node 20's readFileSync(file, 'utf8')
 * gathers the file in a growing native buffer before making the string, which for a 178 MB trial.json
 * took 0.5-0.8 s longer and touched 65,000 more memory pages (3 alternated runs each, with JSON.parse).
 */
export function readTextFile(file: string): string {
  return readFileSync(file).toString('utf8');
}
