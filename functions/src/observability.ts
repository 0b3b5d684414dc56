import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Structured JSON logs and CloudWatch metrics (Powertools). Callers pass routes, codes and
 * counts only: never answers, never member ids (brief, anonymity rule 4).
 */
export const logger = new Logger({ serviceName: 'boucle' });
export const metrics = new Metrics({ namespace: 'Boucle', serviceName: 'boucle' });

export function countMetric(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}
