import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The JSON file a --trial source names: the file itself, or a folder's trial.json; null for 'demo' and
 * anything that is not such a file (a database's data folder, a PostgreSQL URL, a missing path).
 */
export function trialFilePath(source: string): string | null {
  if (source === 'demo' || !existsSync(source)) return null;
  if (!statSync(source).isDirectory()) return source;
  const inFolder = join(source, 'trial.json');
  return existsSync(inFolder) ? inFolder : null;
}
