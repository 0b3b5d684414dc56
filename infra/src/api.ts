import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export type TRoute = { method: HttpMethod; path: string; public?: boolean };

/** Routes of the function that answers pulses; the health check is the only public route. */
export const pulseRoutes: TRoute[] = [
  { method: HttpMethod.GET, path: '/api/health', public: true },
  { method: HttpMethod.GET, path: '/api/openapi.json' },
  { method: HttpMethod.GET, path: '/api/me' },
  { method: HttpMethod.GET, path: '/api/pulse/current' },
  { method: HttpMethod.POST, path: '/api/pulses/{pulseId}/responses' },
];

/** Routes of the steering function (the app checks the steering role as well). */
export const steeringRoutes: TRoute[] = [
  { method: HttpMethod.GET, path: '/api/iterations' },
  { method: HttpMethod.POST, path: '/api/iterations' },
  { method: HttpMethod.GET, path: '/api/iterations/{id}' },
  { method: HttpMethod.PUT, path: '/api/iterations/{id}/pulse' },
  { method: HttpMethod.POST, path: '/api/iterations/{id}/open' },
  { method: HttpMethod.POST, path: '/api/iterations/{id}/close' },
  { method: HttpMethod.POST, path: '/api/iterations/{id}/review' },
  { method: HttpMethod.GET, path: '/api/iterations/{id}/results' },
  { method: HttpMethod.GET, path: '/api/members/headcount' },
  { method: HttpMethod.POST, path: '/api/members/import' },
];

export type TBoucleApiProps = {
  logRetention: RetentionDays;
  throttle: { rateLimit: number; burstLimit: number };
};

/** The HTTP API: a JWT authorizer on every route but the public ones, throttled, access-logged. */
export class BoucleApi extends Construct {
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: TBoucleApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new HttpApi(this, 'Http', {
      description: 'Boucle API',
      createDefaultStage: false,
    });
    this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No caller identity in access logs: method, route, status and timings only.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            time: '$context.requestTime',
          }),
        ),
      },
    });
  }

  /** Adds the routes of one function, behind the JWT authorizer unless marked public. */
  addRoutes(routes: readonly TRoute[], fn: IFunction, authorizer: HttpJwtAuthorizer): void {
    const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
    for (const route of routes) {
      const routeAuthorizer: IHttpRouteAuthorizer = route.public
        ? new HttpNoneAuthorizer()
        : authorizer;
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer: routeAuthorizer,
      });
      if (route.public && added) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason: 'The health check is public by design: it returns {ok: true} and reads nothing.',
        });
      }
    }
  }
}
