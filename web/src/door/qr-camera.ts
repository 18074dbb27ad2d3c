import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Reads QR codes from the device camera. The browser's own BarcodeDetector where it has one
 * (Chrome on Android), otherwise the `barcode-detector` ponyfill (ZXing compiled to
 * WebAssembly, served from this app, never from a CDN). Loaded only when the camera is
 * switched on, so the door page itself stays small and works without it.
 */

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}

interface DetectorConstructor {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
}

async function qrDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  if (native !== undefined && (await native.getSupportedFormats?.())?.includes('qr_code')) return new native({ formats: ['qr_code'] });
  const ponyfill = await import('barcode-detector/ponyfill');
  ponyfill.setZXingModuleOverrides({ locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) });
  return new ponyfill.BarcodeDetector({ formats: ['qr_code'] });
}

export interface CameraScanner {
  stop(): void;
}

/** Starts the rear camera in `video` and calls `onCode` for each code read (the same code at most every 3 s). */
export async function startCameraScanner(video: HTMLVideoElement, onCode: (code: string) => void): Promise<CameraScanner> {
  if (navigator.mediaDevices?.getUserMedia === undefined) throw new Error('This browser cannot use a camera here.');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const detector = await qrDetector();
  let running = true;
  let last = { code: '', at: 0 };
  const tick = async (): Promise<void> => {
    if (!running) return;
    try {
      if (video.readyState >= 2) {
        const [found] = await detector.detect(video);
        const now = Date.now();
        if (found !== undefined && found.rawValue !== '' && (found.rawValue !== last.code || now - last.at > 3_000)) {
          last = { code: found.rawValue, at: now };
          onCode(found.rawValue);
        }
      }
    } catch {
      // A frame that could not be read: try the next one.
    }
    if (running) setTimeout(() => void tick(), 150);
  };
  void tick();
  return {
    stop() {
      running = false;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
