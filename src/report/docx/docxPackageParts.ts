import { Packer, type Document } from 'docx';

/** What the docx package's (internal) compiler offers: a document's package parts by path, in zip order. */
interface DocxCompiler {
  compile(document: Document): ReadonlyMap<string, string | Uint8Array>;
}

function compilerOf(packer: unknown): DocxCompiler | null {
  const compiler = (packer as { compiler?: unknown }).compiler;
  return typeof compiler === 'object' && compiler !== null && typeof (compiler as { compile?: unknown }).compile === 'function' ? (compiler as DocxCompiler) : null;
}

/**
 * The parts of a document's package (`word/document.xml`, `word/media/<sha1>.png`, ...) as the docx package
 * zips them in `Packer`, for a caller that zips them itself: Packer deflates every part in JavaScript,
 * the PNG media too, which are compressed already and cost the most time. The compiler is not part of the
 * docx package's typed API, so null when this version has none (the caller then uses Packer).
 */
export function docxPackageParts(document: Document, packer: unknown = Packer): ReadonlyMap<string, string | Uint8Array> | null {
  const compiler = compilerOf(packer);
  if (compiler === null) return null;
  return compiler.compile.call(compiler, document);
}
