/**
 * Colour only on a terminal: never with --no-color or NO_COLOR (https://no-color.org); always
 * with --color or FORCE_COLOR (the flag wins over the environment).
 */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Columns to wrap the text report to: the terminal's width, or COLUMNS when set (as `less`
 * and `ls` honour it); no wrapping when the report goes to a pipe or a file without COLUMNS,
 * so tools reading it get one finding per line.
 */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return Math.max(40, env);
  if (stream.isTTY && stream.columns) return Math.max(40, stream.columns);
  return undefined;
}
