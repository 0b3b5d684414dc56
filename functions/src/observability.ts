/**
 * Structured JSON logs and CloudWatch metrics (embedded metric format), written to stdout where
 * Lambda hands them to CloudWatch. Callers pass routes, codes and counts only: never answers,
 * never member ids (brief, anonymity rule 4). A few dozen lines instead of Powertools' logger
 * and metrics, which weighed 32 KB of every bundle (ADR 22). Both read the environment when this
 * module loads: set it before importing the app.
 */
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
type TLevel = (typeof LEVELS)[number];
type TFields = Record<string, unknown>;

/** Lambda's own log level (its logging controls) wins, then LOG_LEVEL, in any case; INFO else. */
function levelFromEnv(): TLevel {
  const wanted = (process.env.AWS_LAMBDA_LOG_LEVEL || process.env.LOG_LEVEL)?.toUpperCase();
  return LEVELS.find((level) => level === wanted) ?? 'INFO';
}

function createLogger(level: TLevel) {
  const threshold = LEVELS.indexOf(level);
  let keys: TFields = {};
  const write = (at: TLevel, message: string, fields: TFields = {}) => {
    if (LEVELS.indexOf(at) < threshold) return;
    const line = { level: at, message, timestamp: new Date().toISOString(), service: 'boucle' };
    process.stdout.write(`${JSON.stringify({ ...line, ...keys, ...fields })}\n`);
  };
  return {
    getLevelName: (): TLevel => level,
    /** Keys every later line carries (the request id in Lambda). */
    appendKeys: (more: TFields) => {
      keys = { ...keys, ...more };
    },
    debug: (message: string, fields?: TFields) => write('DEBUG', message, fields),
    info: (message: string, fields?: TFields) => write('INFO', message, fields),
    warn: (message: string, fields?: TFields) => write('WARN', message, fields),
    error: (message: string, fields?: TFields) => write('ERROR', message, fields),
  };
}

/** Counts summed by name until published, once per Lambda invocation. */
function createMetrics(namespace: string, disabled: boolean) {
  const counts = new Map<string, number>();
  return {
    count: (name: string, value: number) => counts.set(name, (counts.get(name) ?? 0) + value),
    hasStoredMetrics: () => counts.size > 0,
    /** One line in CloudWatch's embedded metric format, then nothing stored. */
    publishStoredMetrics: () => {
      if (!disabled && counts.size > 0) {
        const names = [...counts.keys()];
        const document = {
          _aws: {
            Timestamp: Date.now(),
            CloudWatchMetrics: [
              {
                Namespace: namespace,
                Dimensions: [['service']],
                Metrics: names.map((name) => ({ Name: name, Unit: 'Count' })),
              },
            ],
          },
          service: 'boucle',
          ...Object.fromEntries(counts),
        };
        process.stdout.write(`${JSON.stringify(document)}\n`);
      }
      counts.clear();
    },
  };
}

export const logger = createLogger(levelFromEnv());
export const metrics = createMetrics('Boucle', process.env.METRICS_DISABLED === 'true');

export function countMetric(name: string, value = 1): void {
  metrics.count(name, value);
}
