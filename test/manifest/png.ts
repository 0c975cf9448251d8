// Reads the app's icons as images, so the tests can check their size, format and pixels.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MANIFEST_DIR } from '../../tools/packageApp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG image: its header fields, and its pixels when it is 8-bit RGBA. */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** Unfiltered pixel rows, 4 bytes (RGBA) per pixel; only filled for 8-bit RGBA images. */
  pixels: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Reverses PNG scanline filters for a non-interlaced image with `bpp` bytes per pixel. */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp] : 0;
      const up = y > 0 ? out[row - stride + x] : 0;
      const upLeft = x >= bpp && y > 0 ? out[row - stride + x - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Unknown PNG filter type ${filter} in row ${y}`);
      }
      out[row + x] = (data[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function decodePng(file: Buffer): DecodedPng {
  assert.ok(file.subarray(0, 8).equals(PNG_SIGNATURE), 'not a PNG file');
  let offset = 8;
  let header: Omit<DecodedPng, 'pixels'> | undefined;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  assert.ok(header, 'PNG has no IHDR chunk');
  const isRgba8 = header.bitDepth === 8 && header.colorType === 6 && header.interlace === 0;
  const pixels = isRgba8
    ? unfilter(zlib.inflateSync(Buffer.concat(idat)), header.width, header.height, 4)
    : Buffer.alloc(0);
  return { ...header, pixels };
}

/** The icon of the app package with the given file name, decoded. */
export function readIcon(name: string): DecodedPng {
  return decodePng(fs.readFileSync(path.join(MANIFEST_DIR, name)));
}
