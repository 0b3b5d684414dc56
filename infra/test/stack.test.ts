import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BlockPublicAccess, Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { apiRoutes } from '@boucle/functions/api/routes';
import { boucleTable } from '@boucle/functions/repositories/table';
import { deployedRoutes, ROUTE_THROTTLES } from '../src/api.js';
import type { TSynthesisedStack } from './synth.setup.js';

/** Budget per function bundle (minified ESM with the AWS SDK inside): issue 10's target, ADR 22. */
const BUNDLE_BUDGET_BYTES = { Pulse: 500_000, Steering: 500_000 };

describe('BoucleStack', () => {
  let synthesised: TSynthesisedStack;
  let template: Template;
  beforeAll(() => {
    // Synthesised once for the whole run by synth.setup.ts, cdk-nag included.
    const provided = inject('boucleStack');
    if ('error' in provided) throw new Error(provided.error);
    synthesised = provided;
    template = Template.fromJSON(provided.template);
  });

  it('passes cdk-nag AwsSolutions, each acknowledged finding with a reason', () => {
    const acknowledged = synthesised.acknowledgedReasons;
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const reason of acknowledged) expect(reason.length).toBeGreaterThan(20);
  });

  it('builds the table from the definition the local engine uses, protected', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: boucleTable.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: boucleTable.sortKey.name, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      },
    });
  });

  it('puts the JWT authorizer on every route but the public ones', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const byKey = Object.fromEntries(
      Object.values(routes).map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]),
    );
    const expected = deployedRoutes.map((route) => [
      `${route.method} ${route.path}`,
      route.public ? 'NONE' : 'JWT',
    ]);
    expect(Object.entries(byKey).sort()).toEqual(expected.sort());
    expect(expected.filter(([, auth]) => auth === 'NONE').map(([key]) => key)).toEqual([
      'GET /api/health',
      'GET /api/openapi.json',
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('routes every route of the app to a function, except the local demo sign-in', () => {
    const app = apiRoutes
      .filter((route) => !route.path.startsWith('/api/auth/dev-'))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    const deployed = deployedRoutes.map((r) => `${r.method} ${r.path}`);
    expect(deployed.sort()).toEqual(app.sort());
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );
    expect(routeKeys.sort()).toEqual(app.sort());
  });

  it('reserves the steering function its own concurrency, so neither function starves the other', () => {
    const reserved = Object.values(template.findResources('AWS::Lambda::Function'))
      .filter((f) => f.Properties.Runtime === 'nodejs22.x')
      .map((f) => [
        JSON.stringify(f.Properties.Role).includes('Steering'),
        f.Properties.ReservedConcurrentExecutions,
      ]);
    expect(reserved.sort()).toEqual([
      [false, undefined],
      [true, 20],
    ]);
  });

  it('throttles the pulse burst, votes and the roster import each at their own rate', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const settings = stage?.Properties.RouteSettings as Record<string, object>;
    const routeKeys = deployedRoutes.map((r) => `${r.method} ${r.path}`);
    // A renamed route would silently lose its throttle: every key must be a deployed route.
    for (const key of Object.keys(ROUTE_THROTTLES)) expect(routeKeys).toContain(key);
    expect(settings['POST /api/pulses/{pulseId}/responses']).toEqual({
      ThrottlingRateLimit: 3000,
      ThrottlingBurstLimit: 5000,
    });
    expect(settings['POST /api/roster/imports']).toEqual({
      ThrottlingRateLimit: 1,
      ThrottlingBurstLimit: 2,
    });
  });

  it('throttles the API and logs access without caller identity', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: { Format: Match.not(Match.stringLikeRegexp('sourceIp|identity|user')) },
    });
  });

  it('grants no wildcard action on the table, and splits reading results from writing responses', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const tableStatements = policies
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Resource: unknown;
            Condition?: unknown;
          }[],
      )
      .filter((s) => JSON.stringify(s.Resource).includes('Table'));
    expect(tableStatements.length).toBeGreaterThan(0);
    for (const statement of tableStatements) {
      for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
      expect(statement.Condition).toBeDefined();
    }
    const leadingKeysOf = (role: string, action: string) =>
      policies
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
        .flatMap(
          (p) =>
            p.Properties.PolicyDocument.Statement as {
              Action: string | string[];
              Condition?: Record<string, Record<string, string[]>>;
            }[],
        )
        .filter((s) => [s.Action].flat().includes(action))
        .flatMap((s) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? []);
    // What answers pulses cannot read tallies; what reads results cannot write answers. It
    // queries only what members read (ideas on the table and the `top` index, the conventions
    // register, published reviews…), never tallies, releases, responses or segments.
    const pulseQueries = leadingKeysOf('PulseRole', 'dynamodb:Query');
    expect(pulseQueries).toContain('IDEAS#*');
    for (const forbidden of ['TALLY#*', 'RELEASE#*', 'RESPONSES#*', 'DISCLOSURE#*', 'RECEIPT#*'])
      expect(pulseQueries).not.toContain(forbidden);
    expect(leadingKeysOf('PulseRole', 'dynamodb:PutItem')).not.toContain('REVIEWS');
    expect(leadingKeysOf('PulseRole', 'dynamodb:GetItem')).not.toContain('TALLY#*');
    expect(leadingKeysOf('PulseRole', 'dynamodb:GetItem')).not.toContain('RELEASE#*');
    // The pulse function reads a member's frozen segment; only steering freezes them.
    expect(leadingKeysOf('PulseRole', 'dynamodb:GetItem')).toContain('DISCLOSURE#*');
    expect(leadingKeysOf('PulseRole', 'dynamodb:PutItem')).not.toContain('DISCLOSURE#*');
    // Steering reads an ambassador's own frozen segment, one item at a time, never a query.
    expect(leadingKeysOf('SteeringRole', 'dynamodb:GetItem')).toContain('DISCLOSURE#*');
    expect(leadingKeysOf('SteeringRole', 'dynamodb:Query')).not.toContain('DISCLOSURE#*');
    expect(leadingKeysOf('SteeringRole', 'dynamodb:Query')).toContain('TALLY#*');
    expect(leadingKeysOf('SteeringRole', 'dynamodb:Query')).toContain('RELEASE#*');
    expect(leadingKeysOf('SteeringRole', 'dynamodb:Query')).toContain('RESPONSES#*');
    for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem']) {
      const keys = leadingKeysOf('SteeringRole', action);
      expect(keys.length).toBeGreaterThan(0);
      for (const forbidden of ['RESPONSES#*', 'RECEIPT#*']) expect(keys).not.toContain(forbidden);
    }
    expect(leadingKeysOf('SteeringRole', 'dynamodb:PutItem')).not.toContain('TALLY#*');
    // Closing marks tally items (ADR 21): their `closedAt`, never a counter.
    const tallyUpdates = policies
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('SteeringRole'))
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Condition?: Record<string, Record<string, string[]>>;
          }[],
      )
      .filter(
        (s) =>
          [s.Action].flat().includes('dynamodb:UpdateItem') &&
          JSON.stringify(s.Condition).includes('TALLY#*'),
      );
    expect(tallyUpdates).toHaveLength(1);
    expect(
      tallyUpdates[0]?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
    ).toEqual(['TALLY#*']);
    expect(
      tallyUpdates[0]?.Condition?.['ForAllValues:StringEquals']?.['dynamodb:Attributes'],
    ).toEqual(['pk', 'sk', 'closedAt']);
  });

  it('gives the receipt secret to the pulse function only', () => {
    const secretReaders = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('secretsmanager:GetSecretValue'),
      )
      .map((p) => JSON.stringify(p.Properties.Roles));
    expect(secretReaders).toHaveLength(1);
    expect(secretReaders[0]).toContain('PulseRole');
  });

  it('runs Node 22 on arm64 with logs kept three months', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Runtime === 'nodejs22.x',
    );
    expect(functions).toHaveLength(2);
    for (const fn of functions) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      // The anonymity thresholds are the stack's, the same for both functions.
      expect(fn.Properties.Environment.Variables).toMatchObject({
        ANONYMITY_K: '5',
        COMMENT_K: '10',
      });
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('keeps the site bucket private, TLS only, behind CloudFront with origin access control', () => {
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    const bucketPolicies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    for (const policy of bucketPolicies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' }),
        ],
      }),
    });
  });

  /** A response headers policy of the distribution, by the start of its comment. */
  const headersPolicy = (comment: string) =>
    Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).find((policy) =>
      String(policy.Properties.ResponseHeadersPolicyConfig.Comment).startsWith(comment),
    );

  it('lets only CloudFront reach the functions: it sends the origin secret they require', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0];
    const apiOrigin = distribution?.Properties.DistributionConfig.Origins.find(
      (origin: { CustomOriginConfig?: object }) => origin.CustomOriginConfig,
    );
    const header = apiOrigin.OriginCustomHeaders.find(
      (h: { HeaderName: string }) => h.HeaderName === 'x-origin-verify',
    );
    expect(JSON.stringify(header.HeaderValue)).toContain('OriginSecret');
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Runtime === 'nodejs22.x',
    );
    expect(functions).toHaveLength(2);
    for (const fn of functions) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.ORIGIN_SECRET)).toBe(
        JSON.stringify(header.HeaderValue),
      );
    }
  });

  it('gives API answers their own headers: no sniffing, caching or framing', () => {
    const config = headersPolicy('Boucle API')?.Properties.ResponseHeadersPolicyConfig;
    expect(config.SecurityHeadersConfig).toMatchObject({
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      ContentSecurityPolicy: {
        ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
      },
    });
    expect(config.CustomHeadersConfig.Items).toContainEqual(
      expect.objectContaining({ Header: 'cache-control', Value: 'no-store' }),
    );
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0];
    const api = distribution?.Properties.DistributionConfig.CacheBehaviors[0];
    expect(JSON.stringify(api.ResponseHeadersPolicyId)).toContain('ApiHeaders');
  });

  it('sends a strict content security policy and security headers', () => {
    const policy = headersPolicy('Boucle security headers');
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers.StrictTransportSecurity).toMatchObject({
      IncludeSubdomains: true,
      Preload: true,
    });
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
  });

  it('alarms on 5xx, Lambda errors and throttles, DynamoDB throttles, and has a dashboard', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const described = alarms.map((a) => a.Properties.AlarmDescription as string);
    expect(described).toEqual(
      expect.arrayContaining([
        expect.stringContaining('5xx'),
        'Lambda Pulse failed',
        'Lambda Steering failed',
        'Lambda Pulse was throttled',
        'Lambda Steering was throttled',
        'DynamoDB throttled requests',
      ]),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });

  it('maps Cognito groups to roles and carries the segment as custom attributes', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['ambassador', 'employee', 'steering']);
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0];
    const custom = (pool?.Properties.Schema as { Name: string }[]).map((a) => a.Name);
    expect(custom).toEqual(expect.arrayContaining(['team', 'site', 'trainingLevel', 'ambassador']));
  });

  it('lets members change their name only: email and segment are set by administrators', () => {
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0];
    expect(client?.Properties.WriteAttributes).toEqual(['name']);
    expect(client?.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(['email', 'email_verified', 'custom:team', 'custom:ambassador']),
    );
  });

  it("keeps every function bundle under its size budget, without zod's locales or the SDK's credential chain", () => {
    for (const { role, code } of functionBundles()) {
      const name = role.includes('Pulse') ? 'Pulse' : 'Steering';
      expect(Buffer.byteLength(code), name).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES[name]);
      // zod's French messages: present only when every locale is bundled (`import { z }`).
      expect(code, name).not.toContain('Entrée invalide');
      // The default chain's SSO client: gone once the environment's credentials replace it.
      expect(code, name).not.toContain('sso-oidc');
      // Maps are uploaded beside the bundle, not loaded at start (no --enable-source-maps).
      expect(code, name).toMatch(/sourceMappingURL=index\.mjs\.map\s*$/);
    }
  });

  it('bundles the Secrets Manager client into the pulse function only', () => {
    const carrying = functionBundles().filter((bundle) => bundle.code.includes('secretsmanager'));
    expect(carrying).toHaveLength(1);
    expect(carrying[0]?.role).toContain('Pulse');
  });

  /** Each function's bundle as synthesised, with the role that tells which function it is. */
  function functionBundles() {
    return Object.values(template.findResources('AWS::Lambda::Function'))
      .filter((f) => f.Properties.Runtime === 'nodejs22.x')
      .map((fn) => ({
        role: JSON.stringify(fn.Properties.Role),
        code: readFileSync(
          join(
            synthesised.assemblyDirectory,
            `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`,
            'index.mjs',
          ),
          'utf8',
        ),
      }));
  }
});

describe('cdk-nag in the synth', () => {
  it('fails the synth on an unacknowledged finding', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'boucle-cdk-'));
    onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
    const app = new App({ outdir });
    const stack = new Stack(app, 'Bad');
    new Bucket(stack, 'Open', { blockPublicAccess: BlockPublicAccess.BLOCK_ACLS_ONLY });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});
