import type { PartRef, UploadedPart } from '../storage/storage';

/**
 * The XML shapes of S3's multipart control calls. The browser's uploader speaks S3, so
 * the API answers its create / list / complete calls in the same shapes.
 */

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

export function initiateResult(key: string, uploadId: string): string {
  return `${XML_HEAD}<InitiateMultipartUploadResult ${NS}><Bucket>elevate</Bucket><Key>${escapeXml(key)}</Key><UploadId>${escapeXml(uploadId)}</UploadId></InitiateMultipartUploadResult>`;
}

export function listPartsResult(
  key: string,
  uploadId: string,
  parts: readonly UploadedPart[],
): string {
  const items = parts
    .map(
      (p) =>
        `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXml(p.etag)}</ETag><Size>${p.size}</Size></Part>`,
    )
    .join('');
  return `${XML_HEAD}<ListPartsResult ${NS}><Bucket>elevate</Bucket><Key>${escapeXml(key)}</Key><UploadId>${escapeXml(uploadId)}</UploadId><IsTruncated>false</IsTruncated>${items}</ListPartsResult>`;
}

export function completeResult(location: string, key: string, etag: string): string {
  return `${XML_HEAD}<CompleteMultipartUploadResult ${NS}><Location>${escapeXml(location)}</Location><Bucket>elevate</Bucket><Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag)}</ETag></CompleteMultipartUploadResult>`;
}

/** Reads the part list of a CompleteMultipartUpload body; null when it is not one. */
export function parseCompleteBody(xml: string): PartRef[] | null {
  if (!/<CompleteMultipartUpload[\s>]/.test(xml) || xml.length > 200_000) return null;
  const parts: PartRef[] = [];
  for (const match of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const body = match[1] ?? '';
    const number = /<PartNumber>\s*(\d{1,5})\s*<\/PartNumber>/.exec(body)?.[1];
    const etag = /<ETag>\s*([^<]{1,200}?)\s*<\/ETag>/.exec(body)?.[1];
    if (!number || !etag) return null;
    parts.push({
      partNumber: Number(number),
      etag: etag.replaceAll('&quot;', '"').replaceAll('&#34;', '"'),
    });
  }
  return parts;
}
