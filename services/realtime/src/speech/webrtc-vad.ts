import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of the WebAssembly global used here (the project's type libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, (...args: number[]) => number>>) => { exports: unknown };
};

/**
 * WebRTC's voice activity detector (libfvad), from the WASM build in `@echogarden/fvad-wasm`. The
 * package is ESM-only with an Emscripten loader; its `fvad.wasm` is instantiated here directly (the
 * version is pinned: the export names below are that build's). One instance per process, one
 * detector handle per voice session: a handle is a few kilobytes of the shared memory.
 */
interface FvadExports {
  c: WasmMemory;
  d: () => void;
  e: () => number;
  f: (bytes: number) => number;
  h: (handle: number) => void;
  i: (ptr: number) => void;
  j: (handle: number, mode: number) => number;
  k: (handle: number, rate: number) => number;
  l: (handle: number, frame: number, samples: number) => number;
}

/** 8 kHz, 30 ms frames: the detector's own working rate, so no internal resampling. */
export const VAD_RATE = 8000;
export const VAD_FRAME_SAMPLES = 240;

let loaded: FvadExports | undefined;

function fvad(): FvadExports {
  if (loaded) return loaded;
  // From this package's node_modules, found from __dirname so the production bundle (which copies the file there) finds it too.
  const module = new WebAssembly.Module(readFileSync(join(__dirname, '..', '..', 'node_modules', '@echogarden', 'fvad-wasm', 'fvad.wasm')));
  const box: { exports?: FvadExports } = {};
  const instance = new WebAssembly.Instance(module, {
    a: {
      a: () => {
        throw new Error('fvad: assertion failed');
      },
      b: (requested: number) => {
        const memory = box.exports!.c;
        try {
          memory.grow(Math.ceil((requested - memory.buffer.byteLength) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
    },
  });
  box.exports = instance.exports as unknown as FvadExports;
  box.exports.d();
  loaded = box.exports;
  return loaded;
}

export interface Vad {
  /** Whether these 240 samples (30 ms at 8 kHz) hold speech. */
  isSpeech(frame: Int16Array): boolean;
  free(): void;
}

/** A detector; `aggressiveness` 0 (most speech kept) to 3 (most noise dropped). */
export function createVad(aggressiveness: 0 | 1 | 2 | 3): Vad {
  const lib = fvad();
  const handle = lib.e();
  if (!handle || lib.j(handle, aggressiveness) !== 0 || lib.k(handle, VAD_RATE) !== 0) throw new Error('fvad: could not create a detector');
  const buffer = lib.f(VAD_FRAME_SAMPLES * 2);
  let freed = false;
  return {
    isSpeech(frame) {
      if (freed) return false;
      new Int16Array(lib.c.buffer, buffer, VAD_FRAME_SAMPLES).set(frame.subarray(0, VAD_FRAME_SAMPLES));
      return lib.l(handle, buffer, VAD_FRAME_SAMPLES) === 1;
    },
    free() {
      if (freed) return;
      freed = true;
      lib.i(buffer);
      lib.h(handle);
    },
  };
}
