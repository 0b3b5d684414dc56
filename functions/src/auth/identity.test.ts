import { describe, expect, it } from 'vitest';
import { identityOf } from './identity.js';

describe('identityOf', () => {
  const verified = { email: 'Ana@Example.com', email_verified: true, name: 'Ana' };

  it('knows a member by the verified email, lower-cased, always an employee', () => {
    expect(identityOf({ ...verified, 'cognito:groups': ['steering'] })).toEqual({
      email: 'ana@example.com',
      name: 'Ana',
      roles: ['employee', 'steering'],
    });
  });

  it('takes the string "true" some federated providers send', () => {
    expect(identityOf({ ...verified, email_verified: 'true' })).toMatchObject({
      email: 'ana@example.com',
    });
  });

  it.each([
    ['without email_verified', { email: 'ana@example.com' }],
    ['with email_verified false', { email: 'ana@example.com', email_verified: false }],
    ['with email_verified "false"', { email: 'ana@example.com', email_verified: 'false' }],
    ['without an email', { email_verified: true }],
    [
      'with an email longer than an address can be',
      { email: `${'a'.repeat(1100)}@example.com`, email_verified: true },
    ],
  ])('is nobody %s: an unverified address could be a colleague’s', (_, payload) => {
    expect(identityOf(payload)).toBeNull();
  });

  it('keeps only the roles it knows', () => {
    expect(identityOf({ ...verified, roles: ['ambassador', 'admin', 3] })?.roles).toEqual([
      'employee',
      'ambassador',
    ]);
  });
});
