import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module as a fresh Lambda would load it, with this environment. */
async function observabilityWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return { ...(await import('./observability.js')), lines };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('logger', () => {
  it('writes one JSON line per call at or above its level, with the keys appended', async () => {
    const { logger, lines } = await observabilityWith({
      LOG_LEVEL: 'warn',
      AWS_LAMBDA_LOG_LEVEL: undefined,
    });
    logger.appendKeys({ requestId: 'r-1' });
    logger.info('not shown');
    logger.warn('request refused', { status: 503 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'WARN',
      message: 'request refused',
      service: 'boucle',
      requestId: 'r-1',
      status: 503,
    });
    expect(logger.getLevelName()).toBe('WARN');
  });

  it("takes Lambda's own level over LOG_LEVEL, and INFO when neither says", async () => {
    expect(
      (
        await observabilityWith({ LOG_LEVEL: 'DEBUG', AWS_LAMBDA_LOG_LEVEL: 'ERROR' })
      ).logger.getLevelName(),
    ).toBe('ERROR');
    expect(
      (
        await observabilityWith({ LOG_LEVEL: 'loud', AWS_LAMBDA_LOG_LEVEL: undefined })
      ).logger.getLevelName(),
    ).toBe('INFO');
  });
});

describe('metrics', () => {
  it('publishes the counts summed by name as one embedded-metric-format line, then none', async () => {
    const { countMetric, metrics, lines } = await observabilityWith({
      METRICS_DISABLED: undefined,
    });
    countMetric('ResponsesSubmitted');
    countMetric('ResponsesSubmitted');
    countMetric('SubmitConflictRetries', 3);
    expect(metrics.hasStoredMetrics()).toBe(true);
    metrics.publishStoredMetrics();
    expect(lines).toHaveLength(1);
    const document = JSON.parse(lines[0] ?? '');
    expect(document).toMatchObject({
      ResponsesSubmitted: 2,
      SubmitConflictRetries: 3,
      service: 'boucle',
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'Boucle',
            Dimensions: [['service']],
            Metrics: [
              { Name: 'ResponsesSubmitted', Unit: 'Count' },
              { Name: 'SubmitConflictRetries', Unit: 'Count' },
            ],
          },
        ],
      },
    });
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('writes nothing when disabled (npm start, tests, the bench)', async () => {
    const { countMetric, metrics, lines } = await observabilityWith({ METRICS_DISABLED: 'true' });
    countMetric('ResponsesSubmitted');
    metrics.publishStoredMetrics();
    expect(lines).toEqual([]);
  });
});
