// Finds the syntax errors in a block's source, for the squiggles shown while the user types. A small parser does
// this instead of Monaco's TypeScript worker, which costs ~175 MB of the window's memory for the same marks.
import { parse } from '@babel/parser';

/** One syntax error, 1-based line and column as Monaco counts them. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

interface BabelError {
  message: string;
  loc?: { line: number; column: number };
}

function isBabelError(value: unknown): value is BabelError {
  return value instanceof Error && typeof (value as BabelError).loc?.line === 'number';
}

function problemOf(error: BabelError): SyntaxProblem {
  return {
    // Babel ends its messages with " (line:column)"; the squiggle already shows where.
    message: error.message.replace(/ \(\d+:\d+\)$/, ''),
    line: error.loc?.line ?? 1,
    column: (error.loc?.column ?? 0) + 1,
  };
}

/**
 * The syntax errors in `source`, first to last. The engine runs a block as the body of a CommonJS wrapper function
 * (`(function (module, exports) { … })`, sloppy mode), so the source is parsed as a script in which a top-level
 * `return` is allowed and `import`/`export` are not. Recoverable errors are all reported; parsing stops at the first
 * one it cannot step over.
 */
export function syntaxProblems(source: string): SyntaxProblem[] {
  try {
    const file = parse(source, {
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      errorRecovery: true,
    });
    return (file.errors ?? []).filter(isBabelError).map(problemOf);
  } catch (error) {
    if (isBabelError(error)) return [problemOf(error)];
    throw error;
  }
}
