/**
 * Text for a terminal. Function names, regions and log lines come from telemetry, which anyone
 * able to send it chooses; an ESC starts a control sequence (colours, cursor moves, the window
 * title, on some terminals a clipboard write), a CR rewrites the line already shown, and bidi
 * overrides reorder what is read. Each such code point is shown as `\u{…}` instead; line feeds
 * and tabs stay, since the CLI's own tables and reports are made of them. (strip-ansi and the
 * like remove well-formed ANSI sequences only, and would leave a bare CR or a bidi override.)
 */
/** Control (C0, DEL, C1) and format (bidi, zero-width) code points, and line/paragraph separators. */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) =>
    c === '\n' || c === '\t' ? c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`,
  );
}
