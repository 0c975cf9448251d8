import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';

/** A certificate file could not be fetched: refused, failed, too slow or too large. */
export class CertificateDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateDownloadError';
  }
}

/** Limits of one certificate download. */
export interface DownloadLimits {
  /** The whole download, from the request to the last byte. */
  timeoutMs: number;
  /** A certificate chain is a few kilobytes; anything much larger is not one. */
  maxBytes: number;
}

/**
 * GETs the certificate file at `url` (already checked against the allowed hosts), answering
 * only with a 200's body. Redirects are not followed, since a redirect could lead off the
 * allowed hosts; https uses Node's default trust store for the connection.
 */
export function downloadCertificateFile(url: URL, limits: DownloadLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, body?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(body!);
    };
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const request: ClientRequest = get(
      url,
      { headers: { accept: 'application/pkix-cert, application/x-pem-file, */*' } },
      (response: IncomingMessage) => {
        if (response.statusCode !== 200) {
          response.resume();
          return finish(
            new CertificateDownloadError(
              `the certificate server answered ${response.statusCode} ${response.statusMessage ?? ''}`.trim(),
            ),
          );
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          return finish(new CertificateDownloadError(`the certificate file is larger than ${limits.maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes)
            return finish(new CertificateDownloadError(`the certificate file is larger than ${limits.maxBytes} bytes`));
          chunks.push(chunk);
        });
        response.on('end', () =>
          response.complete
            ? finish(undefined, Buffer.concat(chunks))
            : finish(new CertificateDownloadError('the certificate server closed the connection mid-file')),
        );
        response.on('error', (error) =>
          finish(new CertificateDownloadError(`the certificate download broke off: ${error.message}`)),
        );
      },
    );
    request.on('error', (error) =>
      finish(new CertificateDownloadError(`the certificate server could not be reached: ${error.message}`)),
    );
    const timer = setTimeout(
      () => finish(new CertificateDownloadError(`the certificate server did not answer within ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
  });
}
