import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export type TMonitoringProps = {
  httpApi: HttpApi;
  functions: readonly IFunction[];
  table: TableV2;
  alarmEmail?: string;
};

/** Alarms on what members would feel (5xx, errors, throttles) and one dashboard. */
export class BoucleMonitoring extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: TMonitoringProps) {
    super(scope, id);
    const topic = new Topic(this, 'Alarms', {
      displayName: 'Boucle alarms',
      masterKey: new Key(this, 'AlarmsKey', { enableKeyRotation: true }),
      enforceSSL: true,
    });
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const period = Duration.minutes(5);
    const api5xx = props.httpApi.metricServerError({ period, statistic: 'Sum' });
    this.alarm('Api5xx', api5xx, 5, 'The API answered 5 or more 5xx in 5 minutes', topic);
    for (const fn of props.functions) {
      const name = fn.node.id;
      this.alarm(`${name}Errors`, fn.metricErrors({ period }), 1, `Lambda ${name} failed`, topic);
      this.alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period }),
        1,
        `Lambda ${name} was throttled`,
        topic,
      );
    }
    const tableThrottles = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: this.tableMetric(props.table, 'ReadThrottleEvents'),
        writes: this.tableMetric(props.table, 'WriteThrottleEvents'),
      },
      period,
      label: 'DynamoDB throttle events',
    });
    this.alarm('TableThrottles', tableThrottles, 1, 'DynamoDB throttled requests', topic);

    const boucleMetric = (metricName: string) =>
      new Metric({
        namespace: 'Boucle',
        metricName,
        dimensionsMap: { service: 'boucle' },
        statistic: 'Sum',
        period,
      });
    const submitted = boucleMetric('ResponsesSubmitted');
    const retries = boucleMetric('SubmitConflictRetries');
    new Dashboard(this, 'Dashboard', {
      dashboardName: `${props.httpApi.stack.stackName}-boucle`,
      widgets: [
        [
          new TextWidget({
            markdown: '# Boucle\nAnswers, errors and throttles. Alarms go to the SNS topic.',
            width: 24,
            height: 2,
          }),
        ],
        [
          new GraphWidget({
            title: 'API requests and 5xx',
            left: [props.httpApi.metricCount({ period }), api5xx],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (p90)',
            left: [props.httpApi.metricLatency({ period, statistic: 'p90' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Pulse answers and conflict retries',
            left: [submitted, retries],
            width: 12,
          }),
          new GraphWidget({
            title: 'Lambda errors and throttles',
            left: props.functions.flatMap((fn) => [
              fn.metricErrors({ period }),
              fn.metricThrottles({ period }),
            ]),
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda duration (p90)',
            left: props.functions.map((fn) => fn.metricDuration({ period, statistic: 'p90' })),
            width: 12,
          }),
          new GraphWidget({ title: 'DynamoDB throttles', left: [tableThrottles], width: 12 }),
        ],
      ],
    });
  }

  private tableMetric(table: TableV2, metricName: string): Metric {
    return new Metric({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensionsMap: { TableName: table.tableName },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    threshold: number,
    description: string,
    topic: Topic,
  ): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(topic));
    this.alarms.push(alarm);
  }
}
