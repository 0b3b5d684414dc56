import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BoucleApi } from './api.js';
import { BoucleFunctions } from './functions.js';
import { BoucleIdentity } from './identity.js';
import { BoucleMonitoring } from './monitoring.js';
import { boucleDynamoTable } from './storage.js';
import { BoucleWeb } from './web.js';

export type TBoucleStackProps = StackProps & {
  stage: string;
  /** Prefix of the hosted sign-in domain: <prefix>.auth.<region>.amazoncognito.com. */
  signInDomainPrefix: string;
  alarmEmail?: string;
  anonymityThreshold?: number;
  /** Free text is shown only for groups of at least this many respondents (never below k). */
  commentThreshold?: number;
  /** Reserved (and maximum) concurrency of the steering function; 0 reserves none. */
  steeringConcurrency?: number;
  webBuild?: string;
};

/** Boucle in one AWS account and region: one HTTPS URL, one table, two functions. */
export class BoucleStack extends Stack {
  constructor(scope: Construct, id: string, props: TBoucleStackProps) {
    super(scope, id, props);
    const logRetention = RetentionDays.THREE_MONTHS;
    const table = boucleDynamoTable(this);
    const receiptSecret = new Secret(this, 'ReceiptSecret', {
      description: 'HMAC key of pulse receipts. Never rotate while an iteration is open.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(receiptSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Rotating the receipt key during an open iteration would let members answer twice: rotate between iterations (docs/deploy.md).',
    });
    // Known to CloudFront and the functions only: the API's own URL does not get around CloudFront.
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Header value CloudFront adds to API requests; the functions refuse others.',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'Read at deploy time into CloudFront and the functions; rotating it means a redeploy (docs/deploy.md).',
    });
    const api = new BoucleApi(this, 'Api', {
      logRetention,
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const web = new BoucleWeb(this, 'Web', {
      httpApi: api.httpApi,
      originSecret: originSecret.secretValue.unsafeUnwrap(),
      webBuild: props.webBuild,
    });
    const identity = new BoucleIdentity(this, 'Identity', {
      domainPrefix: props.signInDomainPrefix,
      appUrl: web.url,
    });
    const functions = new BoucleFunctions(this, 'Functions', {
      table,
      receiptSecret,
      originSecret: originSecret.secretValue.unsafeUnwrap(),
      anonymityThreshold: props.anonymityThreshold ?? 5,
      commentThreshold: props.commentThreshold ?? 10,
      steeringConcurrency: props.steeringConcurrency ?? 20,
      logRetention,
      auth: {
        issuer: identity.issuer,
        audience: identity.client.userPoolClientId,
        jwksUrl: `${identity.issuer}/.well-known/jwks.json`,
      },
    });
    web.deploy({
      mode: 'cognito',
      domain: identity.domainName,
      clientId: identity.client.userPoolClientId,
    });
    const authorizer = new HttpJwtAuthorizer('Cognito', identity.issuer, {
      jwtAudience: [identity.client.userPoolClientId],
    });
    api.addRoutes(functions, authorizer);
    new BoucleMonitoring(this, 'Monitoring', {
      httpApi: api.httpApi,
      functions: [functions.pulse, functions.steering],
      table,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'Url', { value: web.url, description: 'Open Boucle here' });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: identity.domainName });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
