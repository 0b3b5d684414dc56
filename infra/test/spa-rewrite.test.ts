import { describe, expect, it } from 'vitest';
import { SPA_REWRITE } from '../src/web.js';

type TRequest = { uri: string };
type TGenerated = { statusCode: number; body: { data: string } };
// The CloudFront function is plain ES5 source: evaluate it as CloudFront would.
const handler = new Function(`${SPA_REWRITE}; return handler;`)() as (event: {
  request: TRequest;
}) => TRequest & Partial<TGenerated>;

describe('CloudFront SPA rewrite', () => {
  it('sends deep links of the app to index.html', () => {
    expect(handler({ request: { uri: '/steering/roster' } }).uri).toBe('/index.html');
    expect(handler({ request: { uri: '/' } }).uri).toBe('/index.html');
  });

  it('leaves files and the API alone', () => {
    expect(handler({ request: { uri: '/_app/immutable/entry/app.js' } }).uri).toBe(
      '/_app/immutable/entry/app.js',
    );
    expect(handler({ request: { uri: '/auth-config.json' } }).uri).toBe('/auth-config.json');
  });

  it.each(['/API/iterations', '/Api/iterations', '/api', '/API'])(
    'answers %s, an API path CloudFront did not route to the API, with a JSON 404',
    (uri) => {
      const answer = handler({ request: { uri } });
      expect(answer.statusCode).toBe(404);
      expect(JSON.parse(answer.body?.data ?? '')).toMatchObject({ error: { code: 'not_found' } });
    },
  );
});
