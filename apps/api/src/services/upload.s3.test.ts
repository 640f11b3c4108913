import { afterAll, beforeAll } from 'vitest';
import { type RunningRgw, startRgw } from '../../../../test/support/rgw';
import { describeUploadFlow } from '../testing/upload-flow.contract';

// The same journey on an S3-compatible store: a real Ceph RADOS Gateway on loopback.
let rgw: RunningRgw;
const bucket = `elevate-uploads-${Date.now().toString(36)}`;

beforeAll(async () => {
  rgw = await startRgw();
}, 180_000);
afterAll(async () => {
  await rgw?.stop();
});

describeUploadFlow('Ceph RGW (S3)', () => ({
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: rgw.endpoint,
  S3_BUCKET: bucket,
  S3_ACCESS_KEY_ID: rgw.accessKeyId,
  S3_SECRET_ACCESS_KEY: rgw.secretAccessKey,
  // creates the bucket (with the CORS rules browsers need) on first use
  S3_CORS_ORIGINS: 'http://localhost',
}));
