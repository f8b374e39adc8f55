import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiRequest, endpointsFrom, FleetscopeRequestError } from './fleetscope.client';

describe('endpointsFrom', () => {
  it('defaults to the local API and collector ports', () => {
    expect(endpointsFrom({}, {})).toEqual({
      apiUrl: 'http://127.0.0.1:8080',
      ingestUrl: 'http://127.0.0.1:4318',
      apiToken: undefined,
      ingestToken: undefined,
    });
  });

  it('prefers --url over FLEETSCOPE_URL and drops trailing slashes', () => {
    const env = { FLEETSCOPE_URL: 'http://env:1/', FLEETSCOPE_API_TOKEN: 't' };
    expect(endpointsFrom({ url: 'http://flag:2//' }, env)).toMatchObject({
      apiUrl: 'http://flag:2',
      apiToken: 't',
    });
    expect(endpointsFrom({}, env).apiUrl).toBe('http://env:1');
  });
});

describe('apiRequest', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/html') {
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><title>Router login</title>');
        return;
      }
      if (req.url === '/ok') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ auth: req.headers.authorization ?? null }));
        return;
      }
      res.statusCode = 400;
      res.end(JSON.stringify({ message: 'week must look like 2026-W48' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the API token as a bearer and parses the JSON answer', async () => {
    const endpoints = endpointsFrom({ url }, { FLEETSCOPE_API_TOKEN: 'secret' });
    await expect(apiRequest(endpoints, 'GET', '/ok')).resolves.toEqual({
      auth: 'Bearer secret',
    });
  });

  it("throws with the server's message on an error status", async () => {
    const request = apiRequest(endpointsFrom({ url }, {}), 'POST', '/bad', {});
    await expect(request).rejects.toThrow(
      new FleetscopeRequestError('POST /bad answered 400: week must look like 2026-W48', 400),
    );
  });

  it('says the URL did not answer as the Fleetscope API when a 200 is not JSON, not only what JSON.parse said', async () => {
    const request = apiRequest(endpointsFrom({ url }, {}), 'GET', '/html');
    await expect(request).rejects.toThrow(
      new RegExp(
        `^${url}/html did not answer as the Fleetscope API: Unexpected token '<'.*is not valid JSON; check --url or FLEETSCOPE_URL$`,
      ),
    );
  });

  it('names the URL when nothing listens there', async () => {
    const endpoints = endpointsFrom({ url: 'http://127.0.0.1:1' }, {});
    await expect(apiRequest(endpoints, 'GET', '/ok')).rejects.toThrow(
      /cannot reach Fleetscope at http:\/\/127\.0\.0\.1:1/,
    );
  });
});
