import { escapeControlCharacters } from '../escape-control-characters.js';

/**
 * One word of a POSIX shell command line: left bare when it holds only characters no shell acts on, else
 * single-quoted (a quote inside becomes '\''). Control characters become visible escapes first, so a
 * name can neither end the command nor start another one.
 */
export function shellWord(text: string): string {
  const visible = escapeControlCharacters(text);
  if (/^[\w@%+=:,./-]+$/.test(visible)) return visible;
  return `'${visible.replaceAll("'", "'\\''")}'`;
}
