import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers.js';

describe('contentSecurityPolicy', () => {
  it('allows the inline bootstrap script by its hash and nothing else inline', () => {
    const html = '<html><body><script>start();</script><script src="/x.js"></script></body></html>';
    const hash = createHash('sha256').update('start();').digest('base64');
    const csp = contentSecurityPolicy(html, ['https://sign-in.example']);
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self' https://sign-in.example");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
