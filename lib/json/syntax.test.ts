import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './syntax';

describe('findJsonSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '0', '-1.5e3', '"a\\u00e9\\n"', ' {"a": [1, true, null, {"b": "c"}]} ', 'false']) {
      expect(findJsonSyntaxError(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{"a":}', 1, 6, /expected a value/],
    ['{"a":1', 1, 7, /expected “,” or “}”/],
    ['{"a" 1}', 1, 6, /expected “:”/],
    ['[1,]', 1, 4, /trailing comma/],
    ['{\n  "a": tru\n}', 2, 8, /expected a value/],
    ["{'a': 1}", 1, 2, /property name in double quotes/],
    ['{"a": 1} x', 1, 10, /after the end/],
    ['"abc', 1, 5, /unterminated string/],
    ['"a\\x"', 1, 3, /invalid escape/],
    ['', 1, 1, /expected a value/],
  ])('locates the fault in %j at %i:%i', (text, line, column, message) => {
    const err = findJsonSyntaxError(text)!;
    expect(err).toMatchObject({ line, column });
    expect(err.message).toMatch(message);
    expect(() => JSON.parse(text)).toThrow();
  });
});
