import { forTerminal } from './terminal-text';

describe(forTerminal.name, () => {
  it('shows control characters, a carriage return and bidi overrides as escapes, and keeps lines and tabs', () => {
    expect(forTerminal('a\x1b]0;pwned\x07b\rc\u202Ed\u009be')).toBe(
      'a\\u{1b}]0;pwned\\u{7}b\\u{d}c\\u{202e}d\\u{9b}e',
    );
    expect(forTerminal('name\tcost\nchécköut 日本 $0.01')).toBe('name\tcost\nchécköut 日本 $0.01');
  });
});
