import { issue, type Issue, type IssuePath } from '../result/index.js';

/**
 * Limits every request body meets before any schema sees it. They are generic on purpose: a form's own
 * maxima come from its metadata through textLimitFor, which the protocol's form definitions feed.
 */
export const REQUEST_LIMITS = Object.freeze({
  /** A JSON body; a CSV import declares its own (RouteSpec.maxBodyBytes). */
  maxBodyBytes: 1024 * 1024,
  /** Nesting of objects and arrays; the deepest form nests about six levels. */
  maxDepth: 32,
  /** The default maximum length of any string in a body, in characters (UTF-16 code units). */
  defaultTextLength: 4000,
  /** A refused value is echoed up to this many characters. */
  echoLength: 100,
});

/** Per-field maxima by form type and field path ('visit', 'reportedTerm', 'labs.0.unit' as joined path). */
export type FormTextLimits = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Extra per-field maxima (none by default): a form's own maxima are the maxLength of its text fields in the
 * protocol's metadata, which the schema built from it (createFormSchema) enforces with the field named.
 */
const FORM_TEXT_LIMITS: FormTextLimits = Object.freeze({});

/**
 * The maximum length of the string at fieldPath of a form of formType (path inside the form's data, array
 * indices ignored: ['labs', 3, 'unit'] looks up 'labs.unit'). Undefined formType = a request field outside
 * any form. Never more than the default: a form can tighten the limit, not lift it.
 */
export function textLimitFor(formType: string | undefined, fieldPath: IssuePath): number {
  const limits = formType === undefined ? undefined : FORM_TEXT_LIMITS[formType];
  // the key is built only for a form with maxima of its own (every string of every body is looked up)
  if (limits === undefined) return REQUEST_LIMITS.defaultTextLength;
  const own = limits[fieldPath.filter((part) => typeof part === 'string').join('.')];
  return own === undefined ? REQUEST_LIMITS.defaultTextLength : Math.min(own, REQUEST_LIMITS.defaultTextLength);
}

// U+0000 cannot be stored in jsonb or text; an unpaired surrogate is not a character (UTF-8 cannot encode it)
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'nul-character';
  if (unpairedSurrogate.test(text)) return 'unpaired-surrogate';
  return undefined;
}

const expectations: Readonly<Record<string, string>> = {
  'nul-character': 'text without the NUL character (U+0000)',
  'unpaired-surrogate': 'text of whole Unicode characters (no unpaired UTF-16 surrogate)',
};

export interface TextCheckOptions {
  /** The form the value is the data of; its field maxima apply (paths relative to the data). */
  readonly formType?: string;
  /** Where the value sits in the request, for the issue paths (e.g. ['data']). */
  readonly prefix?: IssuePath;
  /** The per-field maxima (textLimitFor by default); the path it is given is valid during the call only. */
  readonly limitFor?: (formType: string | undefined, fieldPath: IssuePath) => number;
}

/**
 * Every string (and field name) in a parsed body that is too long, holds a NUL or an unpaired surrogate,
 * as issues naming the field. The value is already bounded in depth by the body reader.
 */
export function findTextIssues(value: unknown, options: TextCheckOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const prefix = options.prefix ?? [];
  // one path, extended and shortened as the walk goes; copied only into an issue (most bodies have none)
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem !== undefined) {
        issues.push(issue(problem, [...prefix, ...path], node, expectations[problem]));
        return;
      }
      const limit = (options.limitFor ?? textLimitFor)(options.formType, path);
      if (node.length > limit) issues.push(issue('too-long', [...prefix, ...path], node, `at most ${limit} characters (got ${node.length})`));
      return;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const problem = textProblem(key) ?? (key.length > 200 ? 'too-long' : undefined);
        if (problem !== undefined) {
          issues.push(issue(problem === 'too-long' ? 'bad-field-name' : problem, [...prefix, ...path], key, problem === 'too-long' ? 'a field name of at most 200 characters' : expectations[problem]));
          continue;
        }
        path.push(key);
        visit((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(value);
  return issues;
}
