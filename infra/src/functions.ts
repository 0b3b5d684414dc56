import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, type CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { pulseAccess, steeringAccess, tableStatements, type TTableAccess } from './permissions.js';

const FUNCTIONS_SRC = join(import.meta.dirname, '../../functions/src/lambda');
const LOCK_FILE = join(import.meta.dirname, '../../package-lock.json');

/** The esbuild settings of every function; the bundle benchmark builds with the same ones. */
export const ESBUILD_SETTINGS = {
  target: 'node22',
  minify: true,
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies still call require(); give the ESM bundle one.
  banner:
    "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  // Accented words (French stopwords, messages) as they are, not as \u escapes.
  charset: Charset.UTF8,
};

/**
 * Modules the Lambda bundles replace (docs/adr/0022): the SDK's default credential chain by the
 * environment's credentials, which is where Lambda puts them.
 */
export const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': join(FUNCTIONS_SRC, 'env-credentials.ts'),
};

/** A function's bundle as the CDK builds it, for esbuild called directly (bench, alias test). */
export const LAMBDA_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  ...ESBUILD_SETTINGS,
  banner: { js: ESBUILD_SETTINGS.banner },
  alias: LAMBDA_ALIASES,
} satisfies BuildOptions;

export type TAuthSettings = {
  issuer: string;
  audience: string;
  jwksUrl: string;
};

export type TBoucleFunctionsProps = {
  table: ITableV2;
  receiptSecret: ISecret;
  /** The value CloudFront adds to every API request (`ORIGIN_SECRET`). */
  originSecret: string;
  auth: TAuthSettings;
  anonymityThreshold: number;
  commentThreshold: number;
  logRetention: RetentionDays;
  /**
   * Concurrent executions kept for the steering function, and its ceiling: a pulse burst cannot
   * take the steering group's capacity, and steering reads cannot take the answers' (0: none,
   * for accounts whose concurrency quota is below 100 + this).
   */
  steeringConcurrency: number;
};

/** The two Lambda functions, split along privileges, each bundled by local esbuild. */
export class BoucleFunctions extends Construct {
  readonly pulse: IFunction;
  readonly steering: IFunction;

  constructor(scope: Construct, id: string, props: TBoucleFunctionsProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      AUTH_ISSUER: props.auth.issuer,
      AUTH_AUDIENCE: props.auth.audience,
      AUTH_JWKS_URL: props.auth.jwksUrl,
      ANONYMITY_K: String(props.anonymityThreshold),
      COMMENT_K: String(props.commentThreshold),
      ORIGIN_SECRET: props.originSecret,
    };
    const pulse = this.boucleFunction('Pulse', 'pulse.ts', props, pulseAccess, {
      ...environment,
      RECEIPT_SECRET_ARN: props.receiptSecret.secretArn,
    });
    props.receiptSecret.grantRead(pulse);
    this.pulse = pulse;
    const steering = this.boucleFunction(
      'Steering',
      'steering.ts',
      props,
      steeringAccess,
      environment,
    );
    if (props.steeringConcurrency > 0) {
      (steering.node.defaultChild as CfnFunction).reservedConcurrentExecutions =
        props.steeringConcurrency;
    }
    this.steering = steering;
  }

  private boucleFunction(
    id: string,
    entry: string,
    props: TBoucleFunctionsProps,
    access: readonly TTableAccess[],
    environment: Record<string, string>,
  ): NodejsFunction {
    const logGroup = new LogGroup(this, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role: writes to its own log group only, instead of the managed basic execution role.
    const role = new Role(this, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const fn = new NodejsFunction(this, id, {
      role,
      entry: join(FUNCTIONS_SRC, entry),
      depsLockFilePath: LOCK_FILE,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      logGroup,
      environment,
      bundling: {
        format: OutputFormat.ESM,
        ...ESBUILD_SETTINGS,
        esbuildArgs: Object.fromEntries(
          Object.entries(LAMBDA_ALIASES).map(([from, to]) => [`--alias:${from}`, to]),
        ),
        // Uploaded beside the bundle to resolve a logged stack trace; not loaded at start (ADR 0022).
        sourceMap: true,
        // Measured in docs/adr/0007: the bundled, minified SDK is smaller to load than the runtime's.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
    for (const statement of tableStatements(props.table, access)) role.addToPolicy(statement);
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime Boucle is built and tested for (issue #3); moving up is a tested change.',
    });
    return fn;
  }
}
