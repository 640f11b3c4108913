import { createHmac, timingSafeEqual } from 'node:crypto';
import { storageErrors } from './storage-errors';

/** What a local-disk URL grants: one method on one key (and part), until `expires`. */
export interface UrlGrant {
  readonly method: 'GET' | 'PUT';
  readonly key: string;
  readonly uploadId?: string;
  readonly partNumber?: number;
  /** Unix time in seconds after which the URL is refused. */
  readonly expires: number;
  /** Response overrides of a download: signed too, or anyone could change them. */
  readonly contentType?: string;
  readonly filename?: string;
  readonly disposition?: string;
}

/** Query parameter names of signed local-disk URLs. */
export const SIGNED_QUERY = {
  uploadId: 'uploadId',
  partNumber: 'partNumber',
  expires: 'expires',
  contentType: 'type',
  filename: 'filename',
  disposition: 'disposition',
  signature: 'signature',
} as const;

/**
 * HMAC-SHA256 signatures for the URLs the local-disk store hands out in place of S3's
 * presigned URLs. The signed string is a JSON array, so no field's content can be
 * shifted into its neighbour.
 */
export class UrlSigner {
  constructor(private readonly secret: string) {}

  sign(grant: UrlGrant): string {
    const canonical = JSON.stringify([
      'elevate-storage-v1',
      grant.method,
      grant.key,
      grant.uploadId ?? '',
      grant.partNumber ?? 0,
      grant.expires,
      grant.contentType ?? '',
      grant.filename ?? '',
      grant.disposition ?? '',
    ]);
    return createHmac('sha256', this.secret).update(canonical).digest('base64url');
  }

  /** The query string of a URL granting `grant`: its fields and their signature. */
  query(grant: UrlGrant): URLSearchParams {
    const query = new URLSearchParams();
    if (grant.uploadId !== undefined) query.set(SIGNED_QUERY.uploadId, grant.uploadId);
    if (grant.partNumber !== undefined) query.set(SIGNED_QUERY.partNumber, `${grant.partNumber}`);
    query.set(SIGNED_QUERY.expires, `${grant.expires}`);
    if (grant.contentType) query.set(SIGNED_QUERY.contentType, grant.contentType);
    if (grant.filename) query.set(SIGNED_QUERY.filename, grant.filename);
    if (grant.disposition) query.set(SIGNED_QUERY.disposition, grant.disposition);
    query.set(SIGNED_QUERY.signature, this.sign(grant));
    return query;
  }

  /**
   * Throws `signature_invalid` when the URL was altered (checked first, so a forged expiry
   * reads as tampering) and `url_expired` when it is past its time.
   */
  verify(grant: UrlGrant, signature: string | undefined, nowMs = Date.now()): void {
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw storageErrors.signatureInvalid();
    }
    if (!Number.isSafeInteger(grant.expires) || nowMs > grant.expires * 1000) {
      throw storageErrors.urlExpired();
    }
  }
}
