/**
 * Control characters never reach the terminal raw (issue 13, point 6): ESC and BEL in a draft,
 * a file name or a photo's caption could clear the screen or retitle the window. Each C0
 * control becomes its Unicode "control picture" (ESC → ␛, BEL → ␇), one column wide like the
 * character it replaces, so underlines stay under their words; C1 controls and bidirectional
 * overrides (which reorder what is shown) become �. Tabs become a space.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;

function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x09) return ' ';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** One line of text for the terminal: every control character (newlines too) made visible. */
export function safe(s: string): string {
  return s.replace(CONTROL_OR_NEWLINE, picture);
}

/** Text that may span lines (an error message): newlines kept, every other control made visible. */
export function safeLines(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL, picture);
}

/** For JSON: JSON.stringify escapes C0 controls itself; escape DEL, C1 and bidi overrides too. */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
