/**
 * Quoting for the snippets a user pastes. Function names, regions and ids come from telemetry,
 * which anyone able to send it chooses (`/aws/lambda/x$(…)` is a valid log group name), so every
 * one goes through these before it reaches a command line or a YAML document.
 */

/**
 * Words every shell reads as themselves. No leading `=`: zsh expands `=cmd` to the command's
 * path. `~` is left out: a tilde starts a home directory in bash and a glob under zsh's
 * EXTENDED_GLOB.
 */
const PLAIN_SHELL_WORD = /^[A-Za-z0-9_./:@%+-][A-Za-z0-9_./:=@%+-]*$/;

/**
 * Control, format (bidi overrides, zero-width), surrogate and line/paragraph separator code points:
 * invisible on the page, and a control character pasted into a terminal can end bracketed paste
 * and act as keystrokes (erase the quote, Enter), so none reaches a snippet raw.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const EACH_UNPRINTABLE = new RegExp(UNPRINTABLE.source, 'gu');

/**
 * `\xHH`, `\uHHHH` or `\UHHHHHHHH`: the escapes bash/zsh `$'…'` and YAML double quotes share
 * (`\x` only below 0x80: bash reads `\xHH` as a byte, not a code point).
 */
function escapeUnprintable(text: string): string {
  return text.replace(EACH_UNPRINTABLE, (c) => {
    const code = c.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase();
    if (code < 0x80) return `\\x${hex.padStart(2, '0')}`;
    if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
    return `\\U${hex.padStart(8, '0')}`;
  });
}

/**
 * One shell argument that is exactly `value`. Plain words stay as they are; the rest go in single
 * quotes, where nothing expands, with `'` and `\` written outside them (`'\''`, `'\\'`): POSIX
 * shells need only the first, but fish also reads `\\` and `\'` inside single quotes. A value with
 * an unprintable character is written `$'…'` (bash, zsh, ksh) with it escaped and no `'` inside:
 * shells without `$'…'` (dash, fish) read a wrong value or refuse the line, and run nothing of it.
 */
export function shellWord(value: string): string {
  if (PLAIN_SHELL_WORD.test(value)) return value;
  if (UNPRINTABLE.test(value))
    // `'` as `\x27`: dash and fish read `$'…'` as `$` and a single-quoted string, which a `\'`
    // would end, leaving the rest of the value unquoted.
    return `$'${escapeUnprintable(value.replace(/\\/g, '\\\\').replace(/'/g, '\\x27'))}'`;
  return `'${value.replace(/[\\']/g, (c) => `'\\${c}'`)}'`;
}

/**
 * An AWS CLI option and its value, as one shell word or two. A value starting with `-` (Lambda,
 * ECS and EventBridge names may) is joined with `=`: the CLI's parser reads `--function-name -x`
 * as an option missing its argument and refuses the line.
 */
export function cliOption(option: string, value: string): string {
  return `${option}${value.startsWith('-') ? '=' : ' '}${shellWord(value)}`;
}

/**
 * A YAML scalar that reads back as the string `value` under YAML 1.1 and 1.2. Names that start
 * with a letter and hold only letters, digits, `-` and `_` stay plain unless YAML 1.1 reads them
 * as a boolean or null (`on`, `no`, `null`); the rest are double-quoted. JSON's double-quoted
 * string is a YAML double-quoted scalar, with the code points YAML forbids raw escaped. (The
 * `yaml` package is a development dependency only, not in the production image.)
 */
export function yamlScalar(value: string): string {
  if (
    /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) &&
    !/^(y|n|yes|no|on|off|true|false|null)$/i.test(value)
  )
    return value;
  return escapeUnprintable(JSON.stringify(value));
}
