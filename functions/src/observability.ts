import { Logger, LogLevel } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

type TLogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/**
 * The level from POWERTOOLS_LOG_LEVEL, else LOG_LEVEL: the variables and order Powertools uses,
 * but in any case, since Powertools silently ignores "info" in the environment. Lambda's own
 * log level (AWS_LAMBDA_LOG_LEVEL) still wins inside Powertools.
 */
function logLevelFromEnv(): TLogLevel | undefined {
  const wanted = (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL)?.toUpperCase();
  return Object.values(LogLevel).find((level) => level === wanted);
}

/**
 * Structured JSON logs and CloudWatch metrics (Powertools). Callers pass routes, codes and
 * counts only: never answers, never member ids (brief, anonymity rule 4). Both read the
 * environment when this module loads: set it before importing the app.
 */
export const logger = new Logger({ serviceName: 'boucle', logLevel: logLevelFromEnv() });
export const metrics = new Metrics({ namespace: 'Boucle', serviceName: 'boucle' });

export function countMetric(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}
