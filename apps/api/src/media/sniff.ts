/**
 * Video containers Elevate accepts, with the content type stored and served for each and the
 * file extensions an upload picker may offer. Keys are what {@link sniffVideoContainer} returns.
 */
export const ACCEPTED_VIDEO_TYPES = {
  mp4: { contentType: 'video/mp4', extensions: ['.mp4', '.m4v'] },
  mov: { contentType: 'video/quicktime', extensions: ['.mov', '.qt'] },
  webm: { contentType: 'video/webm', extensions: ['.webm'] },
  mkv: { contentType: 'video/x-matroska', extensions: ['.mkv'] },
} as const;
export type VideoContainer = keyof typeof ACCEPTED_VIDEO_TYPES;
export type VideoContentType = (typeof ACCEPTED_VIDEO_TYPES)[VideoContainer]['contentType'];

/** How many leading bytes {@link sniffVideoContainer} wants to see. */
export const SNIFF_BYTES = 1024;

// ISO BMFF major brands of video files (MP4 variants, iTunes M4V, 3GPP from Android phones).
// biome-ignore format: a table of four-character codes reads better packed.
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VH', 'M4VP',
  'MSNV', 'f4v ', '3gp4', '3gp5', '3gp6', '3g2a', 'mmp4',
]);
// Brands that share the box format but hold no video (audio books, HEIF/AVIF still images).
const NOT_VIDEO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'heic', 'heix', 'mif1', 'msf1', 'avif']);
// Top-level atoms an old QuickTime file (no `ftyp`) may start with.
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

function sniffIsoBmff(bytes: Uint8Array): VideoContainer | null {
  if (bytes.length < 12) return null;
  const type = ascii(bytes, 4, 4);
  if (type !== 'ftyp') return QUICKTIME_ATOMS.has(type) ? 'mov' : null;
  const major = ascii(bytes, 8, 4);
  if (major === 'qt  ') return 'mov';
  if (MP4_BRANDS.has(major)) return 'mp4';
  if (NOT_VIDEO_BRANDS.has(major)) return null;
  // An unfamiliar major brand: trust the compatible brands listed after the minor version.
  const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const end = Math.min(size, bytes.length);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(bytes, at, 4));
  if (compatible.includes('qt  ')) return 'mov';
  return compatible.some((brand) => MP4_BRANDS.has(brand)) ? 'mp4' : null;
}

/** Reads an EBML variable-length integer; `keepMarker` for element IDs, which keep it. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean) {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { value, length };
}

function sniffEbml(bytes: Uint8Array): VideoContainer | null {
  if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return null;
  const header = readVint(bytes, 4, false);
  if (!header) return null;
  const end = Math.min(bytes.length, 4 + header.length + header.value);
  // Walk the EBML header's children looking for DocType (ID 0x4282).
  let at = 4 + header.length;
  while (at < end) {
    const id = readVint(bytes, at, true);
    const size = id && readVint(bytes, at + id.length, false);
    if (!id || !size) return null;
    const data = at + id.length + size.length;
    if (id.value === 0x4282) {
      const docType = ascii(bytes, data, size.value).replace(/\0+$/, '');
      if (docType === 'webm') return 'webm';
      return docType === 'matroska' ? 'mkv' : null;
    }
    at = data + size.value;
  }
  return null;
}

/**
 * Tells the container from the first bytes of a file (at least the first {@link SNIFF_BYTES}
 * when available), never from its name: teachers rename files, and a wrong extension must not
 * get a text file or an image into the video pipeline.
 */
export function sniffVideoContainer(firstBytes: Uint8Array): VideoContainer | null {
  return sniffIsoBmff(firstBytes) ?? sniffEbml(firstBytes);
}
