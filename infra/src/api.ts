import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
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
import type { TFunctionName } from '@boucle/functions/api/access';
import { apiRoutes } from '@boucle/functions/api/routes';

/** Each function of the stack, by the name the route list uses (`x-function`). */
export type TServingFunctions = Record<Exclude<TFunctionName, 'local'>, IFunction>;

export type TDeployedRoute = {
  method: HttpMethod;
  path: string;
  fn: keyof TServingFunctions;
  public: boolean;
};

const HTTP_METHODS = {
  get: HttpMethod.GET,
  post: HttpMethod.POST,
  put: HttpMethod.PUT,
  delete: HttpMethod.DELETE,
  patch: HttpMethod.PATCH,
} as const;

/** The API Gateway routes, read from the app's one route list (the demo sign-in stays local). */
export const deployedRoutes: TDeployedRoute[] = apiRoutes.flatMap((route) => {
  const fn = route['x-function'];
  if (fn === 'local') return [];
  const method = HTTP_METHODS[route.method];
  return [{ method, path: route.path, fn, public: route['x-roles'].length === 0 }];
});

type TThrottle = { rateLimit: number; burstLimit: number };

/**
 * Routes throttled otherwise than the stage's default, by API Gateway route key. A pulse goes
 * to everybody at once: opening it and answering must take the 9:00 burst (AWS's account
 * limit is 10,000 requests/s); votes come in bursts after an announcement; a roster import is
 * one administrator's, rare and heavy.
 */
export const ROUTE_THROTTLES: Record<string, TThrottle> = {
  'GET /api/pulse/current': { rateLimit: 3000, burstLimit: 5000 },
  'POST /api/pulses/{pulseId}/responses': { rateLimit: 3000, burstLimit: 5000 },
  'PUT /api/ideas/{id}/vote': { rateLimit: 500, burstLimit: 1000 },
  'POST /api/roster/imports': { rateLimit: 1, burstLimit: 2 },
  // One page sends the chunks one after the other: a few a second.
  'PUT /api/roster/imports/{id}/chunks/{n}': { rateLimit: 20, burstLimit: 40 },
};

export type TBoucleApiProps = {
  logRetention: RetentionDays;
  /** The default of every route not in `ROUTE_THROTTLES`. */
  throttle: TThrottle;
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
    const stage = this.httpApi.addStage('Stage', {
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
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(ROUTE_THROTTLES).map(([routeKey, { rateLimit, burstLimit }]) => [
        routeKey,
        // RouteSettings is free-form JSON in CloudFormation: its keys are written as CloudFormation's.
        { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit },
      ]),
    );
  }

  /** Routes each deployed route to its function, behind the JWT authorizer unless public. */
  addRoutes(functions: TServingFunctions, authorizer: HttpJwtAuthorizer): void {
    const integrations = {
      pulse: new HttpLambdaIntegration('PulseIntegration', functions.pulse),
      steering: new HttpLambdaIntegration('SteeringIntegration', functions.steering),
    };
    for (const route of deployedRoutes) {
      const routeAuthorizer: IHttpRouteAuthorizer = route.public
        ? new HttpNoneAuthorizer()
        : authorizer;
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method],
        integration: integrations[route.fn],
        authorizer: routeAuthorizer,
      });
      if (route.public && added) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason:
            'Public by design in the route list: the health check and the API description read no data.',
        });
      }
    }
  }
}
