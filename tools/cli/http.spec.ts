import { call, errorMessageOf } from './http';
import { stubServer } from './stub-server';

describe('errorMessageOf', () => {
  it('reads problem details, Nest messages and validation lists', () => {
    expect(
      errorMessageOf(
        413,
        '{"type":"about:blank","title":"Payload Too Large","status":413,"detail":"the document is larger than 20971520 bytes"}',
      ),
    ).toBe('the document is larger than 20971520 bytes');
    expect(
      errorMessageOf(
        415,
        '{"statusCode":415,"message":"unsupported content type image/png","error":"Unsupported Media Type"}',
      ),
    ).toBe('unsupported content type image/png');
    expect(
      errorMessageOf(
        400,
        '{"message":["dueBefore must be a date","limit must not be greater than 500"]}',
      ),
    ).toBe('dueBefore must be a date; limit must not be greater than 500');
  });

  it('falls back to the body on one line, or the status for an empty body', () => {
    expect(errorMessageOf(502, '<html>\n  Bad gateway\n</html>')).toBe(
      '<html> Bad gateway </html>',
    );
    expect(errorMessageOf(503, '')).toBe('HTTP 503');
  });
});

describe('call', () => {
  it('sends DEALWATCH_API_KEY as a bearer token when it is set', async () => {
    const stub = await stubServer(() => ({ status: 200, body: '{}' }));
    try {
      await call('ingest', `${stub.url}/health`, {}, { DEALWATCH_API_KEY: 'dw_admin_123' });
      await call('ingest', `${stub.url}/health`, {}, {});
    } finally {
      await stub.close();
    }
    expect(stub.seen.map((request) => request.authorization)).toEqual([
      'Bearer dw_admin_123',
      null,
    ]);
  });
});
