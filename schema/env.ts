/**
 * `${NAME}` in a configuration value is replaced by the environment variable NAME (secrets stay
 * out of configuration files). A variable that is not set is reported in `problems` (with
 * `where`), so a configuration lists every problem at once; it is replaced by ''.
 */
export function interpolateEnv(
  text: string,
  env: NodeJS.ProcessEnv,
  problems: string[],
  where: string,
): string {
  return text.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const value = env[name];
    if (value === undefined) {
      problems.push(`${where}: environment variable ${name} is not set`);
      return '';
    }
    return value;
  });
}
