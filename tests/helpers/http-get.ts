/** A raw GET over loopback, so that `..` and `//` reach the server exactly as typed (fetch would normalise them). */
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** GETs `rawPath` from 127.0.0.1:port with the given headers; gives up after 5 s. */
export function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers, timeout: 5_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${rawPath}: no answer within 5 s`)));
    request.on('error', reject);
    request.end();
  });
}
