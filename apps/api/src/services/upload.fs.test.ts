import { describeUploadFlow } from '../testing/upload-flow.contract';

// The embedded default: the API stores media on local disk and serves the signed URLs.
describeUploadFlow('local disk', () => ({ STORAGE_DRIVER: 'local' }));
