/** Appends a line and keeps only the newest `max`, so a busy log cannot fill the tab's memory. */
export function appendBounded(lines: string[], line: string, max: number): string[] {
  const next = lines.length >= max ? lines.slice(lines.length - max + 1) : lines.slice();
  next.push(line);
  return next;
}

const ORDER = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

/** Whether a live line passes the level filter (the server filters the tail the same way). */
export function matchesLevel(line: string, level: string): boolean {
  if (!level) return true;
  const wanted = ORDER.indexOf(level);
  const found = ORDER.findIndex((l) => new RegExp(`\\b${l}\\b`).test(line.toUpperCase().replace('WARNING', 'WARN')));
  return found < 0 ? false : found >= wanted;
}
