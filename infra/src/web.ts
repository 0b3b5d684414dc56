import { Duration, Fn, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type CfnBucket,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN_HEADER } from '@boucle/functions/http/origin';
import {
  API_SECURITY_HEADERS,
  contentSecurityPolicy,
} from '@boucle/functions/http/security-headers';
import type { TAuthConfig } from '@boucle/shared';

export const WEB_BUILD = join(import.meta.dirname, '../../web/build');

/**
 * Deep links of the SPA go to index.html; files (with a dot) and /api/* are left alone. An API
 * path spelled otherwise (`/API/…`: CloudFront's path patterns are case-sensitive) reaches this
 * behaviour: it is a JSON 404, never the web page.
 */
export const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (/^\\/api(\\/|$)/i.test(request.uri)) {
    return {
      statusCode: 404,
      statusDescription: 'Not Found',
      headers: {
        'content-type': { value: 'application/json' },
        'cache-control': { value: 'no-store' },
        'x-content-type-options': { value: 'nosniff' }
      },
      body: { encoding: 'text', data: '{"error":{"code":"not_found","message":"No such API route"}}' }
    };
  }
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export type TBoucleWebProps = {
  httpApi: HttpApi;
  /** Sent to the API as `x-origin-verify`: the functions refuse requests without it. */
  originSecret: string;
  webBuild?: string;
};

/**
 * The web app as static files in a private bucket behind CloudFront (origin access control),
 * with /api/* routed to the HTTP API on the same origin: no CORS. Security headers and a strict
 * content security policy on every page.
 */
export class BoucleWeb extends Construct {
  readonly distribution: Distribution;
  readonly url: string;
  private readonly webBuild: string;
  private readonly site: Bucket;

  constructor(scope: Construct, id: string, props: TBoucleWebProps) {
    super(scope, id);
    this.webBuild = props.webBuild ?? WEB_BUILD;
    if (!existsSync(join(this.webBuild, 'index.html'))) {
      throw new Error(`No web build at ${this.webBuild}: run "npm run build:web" first`);
    }
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Boucle',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.securityHeaders(),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', {
              code: FunctionCode.fromInline(SPA_REWRITE),
              // 2.0: a generated response may carry a body (the API's JSON 404).
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiDomain, {
            customHeaders: { [ORIGIN_HEADER]: props.originSecret },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.apiHeaders(),
        },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    for (const [rule, reason] of [
      ['CFR1', 'Members work from anywhere: no geographic restriction.'],
      [
        'CFR2',
        'WAF is an optional add-on (docs/deploy.md); the API is throttled and every route but the health check needs a token.',
      ],
      [
        'CFR4',
        'The default CloudFront certificate stays until a custom domain with TLS 1.2+ is configured (docs/deploy.md).',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({
        id: `AwsSolutions::AwsSolutions-${rule}`,
        reason,
      });
    }
    this.site = bucket;
  }

  /**
   * Uploads the built web app with its sign-in settings (`/auth-config.json`), known only once
   * the user pool client exists — which itself needs this distribution's URL.
   */
  deploy(authConfig: TAuthConfig): void {
    const bucket = this.site;
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(this.webBuild), Source.jsonData('auth-config.json', authConfig)],
      destinationBucket: bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/auth-config.json'],
    });
    // CDK's own upload function, which runs at deploy time only.
    const uploader = deployment.handlerRole.node.scope;
    const { account, region } = Stack.of(this);
    const shown = (value: string, name: string) =>
      Token.isUnresolved(value) ? `<AWS::${name}>` : value;
    const siteLogicalId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
    const uploaderFindings = [
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
        (a) => `IAM5[Action::${a}]`,
      ),
      `IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${shown(account, 'AccountId')}-${shown(region, 'Region')}/*]`,
      `IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
      'IAM5[Resource::*]',
      'L1',
    ];
    for (const finding of uploader ? uploaderFindings : []) {
      Validations.of(uploader as Construct).acknowledge({
        id: `AwsSolutions::AwsSolutions-${finding}`,
        reason:
          'CDK bucket deployment: copies the built web app into the site bucket at deploy time; its role and runtime are managed by aws-cdk-lib.',
      });
    }
  }

  /** The API's answers get the same headers as on `npm start` (`API_SECURITY_HEADERS`). */
  private apiHeaders(): ResponseHeadersPolicy {
    return new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Boucle API: no sniffing, caching or framing of JSON answers',
      securityHeadersBehavior: strictHeaders(
        API_SECURITY_HEADERS['content-security-policy'],
        HeadersReferrerPolicy.NO_REFERRER,
      ),
      customHeadersBehavior: {
        customHeaders: [
          { header: 'cache-control', value: API_SECURITY_HEADERS['cache-control'], override: true },
        ],
      },
    });
  }

  private securityHeaders(): ResponseHeadersPolicy {
    const region = Stack.of(this).region;
    return new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Boucle security headers and content security policy',
      securityHeadersBehavior: strictHeaders(
        // The hosted sign-in's token endpoint is the only other origin the app talks to.
        contentSecurityPolicy(readFileSync(join(this.webBuild, 'index.html'), 'utf8'), [
          `https://*.auth.${region}.amazoncognito.com`,
        ]),
        HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
      ),
    });
  }
}

/** What the pages and the API both send: HSTS, nosniff, no framing, their own CSP and referrer. */
function strictHeaders(
  policy: string,
  referrerPolicy: HeadersReferrerPolicy,
): ResponseSecurityHeadersBehavior {
  return {
    contentSecurityPolicy: { contentSecurityPolicy: policy, override: true },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.days(730),
      includeSubdomains: true,
      preload: true,
      override: true,
    },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy, override: true },
  };
}
