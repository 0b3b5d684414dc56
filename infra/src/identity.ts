import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  Mfa,
  OAuthScope,
  StringAttribute,
  BooleanAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
  FeaturePlan,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export type TIdentityProps = { domainPrefix: string; appUrl: string };

/**
 * The Cognito user pool: groups are Boucle's roles; custom attributes carry the segment. Its
 * hosted sign-in is what members see; a SAML or OIDC provider of the company plugs in here
 * (docs/deploy.md) without any change to the app, which only reads the token.
 */
export class BoucleIdentity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domainName: string;
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: TIdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Members', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        team: new StringAttribute({ mutable: true, maxLen: 80 }),
        site: new StringAttribute({ mutable: true, maxLen: 80 }),
        trainingLevel: new StringAttribute({ mutable: true, maxLen: 20 }),
        ambassador: new BooleanAttribute({ mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason:
        'MFA is optional here: production sign-in federates to the company identity provider, which enforces MFA.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason:
        'Threat protection (Plus plan) is a cost choice; federation to the company identity provider covers it (docs/deploy.md).',
    });
    for (const role of ['employee', 'ambassador', 'steering']) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Boucle role: ${role}`,
      });
    }
    const domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
    this.client = this.userPool.addClient('Web', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.appUrl}/signin/callback`],
        logoutUrls: [`${props.appUrl}/signin`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      // Members read their attributes and may change only their name: the email chooses the
      // member and the custom attributes their segment, so only administrators (and the roster)
      // set them. A federated provider's mapped attributes need write access: docs/deploy.md.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('team', 'site', 'trainingLevel', 'ambassador'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.domainName = `${domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
