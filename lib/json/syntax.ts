/**
 * Where a JSON text first goes wrong, as a line and column a person can find in an editor.
 * `JSON.parse` says what is wrong but, depending on the engine and the fault, not always where;
 * this strict RFC 8259 scanner always does. Pure: shared by the policy editor and the fixture backend.
 */

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

function describeChar(c: string | undefined): string {
  if (c === undefined) return 'end of text';
  if (c === '\n') return 'a line break';
  if (c === '\t') return 'a tab';
  return `“${c}”`;
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (what: string): never => {
    throw new Stop(i, `expected ${what}, found ${describeChar(text[i])}`);
  };

  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) break;
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'invalid \\u escape: it needs four hex digits');
          i += 6;
        } else throw new Stop(i, `invalid escape \\${e}`);
        continue;
      }
      if (c.charCodeAt(0) < 0x20) throw new Stop(i, `${describeChar(c)} inside a string (escape it)`);
      i++;
    }
    throw new Stop(n, 'unterminated string: a closing " is missing');
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-' || m[0] === '') expect('a value');
    i += m![0].length;
  };

  const value = (depth: number): void => {
    if (depth > 512) throw new Stop(i, 'nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') expect('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') expect('“:” after the property name');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') throw new Stop(i, 'trailing comma before “}”');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        expect('“,” or “}”');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') throw new Stop(i, 'trailing comma before “]”');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        expect('“,” or “]”');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    expect('a value (object, array, string, number, true, false or null)');
  };

  try {
    value(0);
    ws();
    if (i < n) throw new Stop(i, `unexpected ${describeChar(text[i])} after the end of the document`);
    return null;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return { offset: err.at, ...lineCol(text, err.at), message: err.message };
  }
}
