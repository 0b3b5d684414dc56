/** Structured log lines. Callers pass routes, codes and counts only: never answers or member ids. */
export function logEvent(
  level: 'info' | 'warn' | 'error',
  message: string,
  details: Record<string, unknown> = {},
): void {
  const line = JSON.stringify({ level, message, ...details, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}
