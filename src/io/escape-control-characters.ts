/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts ANSI sequences that can
 * retitle or clear the terminal, NUL, CR/LF that would split a one-line error), DEL, C1 controls, the
 * line/paragraph separators and the bidirectional overrides that can reorder what a reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text taken from input (file contents, flag values, SDK messages) safe to print: each unsafe
 * character becomes a visible escape such as `\x1b` or `\u202e`, so nothing read from a file can drive
 * the terminal and every message stays one line.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** For text that is several lines on purpose (help, a summary, a stack trace): each line escaped. */
export function escapeControlCharactersPerLine(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}
