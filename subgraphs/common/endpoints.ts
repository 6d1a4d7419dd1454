/** `name=url,name=url` (environment-variable form of a subgraph list) → [{ name, url }]. */
export function parseEndpointList(text: string, variable: string): Array<{ name: string; url: string }> {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      const name = part.slice(0, eq).trim();
      const url = part.slice(eq + 1).trim();
      if (eq <= 0 || !/^https?:\/\//.test(url))
        throw new Error(`${variable}: expected name=http://host:port/graphql, got "${part}"`);
      return { name, url };
    });
}

/** A port from the environment, or the default. */
export function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}
