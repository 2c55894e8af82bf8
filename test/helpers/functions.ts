import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { SRC, sourceFiles } from './imports.ts';

/** The longest a function in src/ may be, in lines (from its first line to its last, both counted). */
export const MAX_FUNCTION_LINES = 60;

export interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Every function-like node of a source file (declarations, expressions, arrows, methods, accessors, constructors) with its length. */
export function functionSpans(file: string, text: string = readFileSync(join(SRC, file), 'utf8')): FunctionSpan[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: FunctionSpan[] = [];
  const nameOf = (n: ts.Node): string => {
    const named = n as ts.Node & { name?: ts.Node };
    if (named.name && ts.isIdentifier(named.name)) return named.name.text;
    if (named.name) return named.name.getText(sf);
    if (ts.isConstructorDeclaration(n)) return 'constructor';
    const p = n.parent;
    if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
    return '(anonymous)';
  };
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      out.push({ file, name: nameOf(n), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Functions in src/ (tests excluded) longer than the limit, longest first. */
export function longFunctions(limit: number = MAX_FUNCTION_LINES): FunctionSpan[] {
  return sourceFiles()
    .flatMap((f) => functionSpans(f))
    .filter((s) => s.lines > limit)
    .sort((a, b) => b.lines - a.lines);
}
