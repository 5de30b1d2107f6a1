// the QR reader's own modules: the package's index would bring every format and the writers (400 kB)
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';
import { latinDigits } from '../../lib/format';

// Check-in by the booking's QR code, seen by the kiosk's camera: the browser's BarcodeDetector
// where it has one, else ZXing's QR reader (@zxing/library) on each frame drawn into a canvas.

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // BookingCode.ALPHABET on the server

/** The canonical XXXX-XXXX form of a typed or scanned code, or null when it cannot be one. */
export function bookingCode(text: string): string | null {
  const compact = latinDigits(text)
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
  if (compact.length !== 8 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** The booking code in a QR code's text (the code itself, or a link that carries it). */
export function codeIn(text: string): string | null {
  const direct = bookingCode(text);
  if (direct) return direct;
  const found = text.toUpperCase().match(/(?:^|[^0-9A-Z])([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})(?:$|[^0-9A-Z])/);
  return found ? found[1] : null;
}

const reader = new QRCodeReader();

/** The text of the QR code in an image, or null when none is found. */
export function decodeImage(image: ImageData): string | null {
  const { data, width, height } = image;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    luminance[i] = (data[p] * 299 + data[p + 1] * 587 + data[p + 2] * 114) / 1000;
  }
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
    return reader.decode(bitmap).getText();
  } catch {
    return null; // no QR code in this frame
  } finally {
    reader.reset();
  }
}

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

function nativeDetector(): Detector | null {
  const Native = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector })
    .BarcodeDetector;
  try {
    return Native ? new Native({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

export interface Scanner {
  stop(): void;
}

/**
 * Shows the camera in the video element and calls found once with the first booking code seen.
 * Rejects when there is no camera or it is refused.
 */
export async function startScanner(video: HTMLVideoElement, found: (code: string) => void): Promise<Scanner> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  await video.play();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const detector = nativeDetector();
  let running = true;
  const stop = () => {
    running = false;
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  };
  const tick = async () => {
    if (!running) return;
    let text: string | null = null;
    if (video.videoWidth > 0 && context) {
      if (detector) {
        text = (await detector.detect(video).catch(() => []))[0]?.rawValue ?? null;
      } else {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        text = decodeImage(context.getImageData(0, 0, canvas.width, canvas.height));
      }
    }
    const code = text ? codeIn(text) : null;
    if (code && running) {
      stop();
      found(code);
    } else {
      window.setTimeout(() => void tick(), 150);
    }
  };
  void tick();
  return { stop };
}
