/** A logger that keeps expected source failures out of the test output but remembers them. */
export function quietLogger(): { warn: (m: string) => void; info: (m: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m) };
}
