#!/usr/bin/env node
// Runs face-api's OWN pipeline (@vladmandic/face-api 1.7.15 on @tensorflow/tfjs 4.22.0, pure-JS CPU backend) and
// writes two fixtures:
//   weights/src/test/resources/parity/faceres34.json   the ResNet-34 descriptor net alone on two fixed 150x150 inputs
//                                                       (TfjsParityTest compares weights/models/faceres34.onnx with it)
//   vision-worker/src/test/resources/identity/face-api-reference.json
//                                                       per identity photo: SSD box, 68 landmarks, the dlib-style
//                                                       aligned rectangle and the 128-d descriptor face-api computes
//                                                       (the Java crop and embedder are checked against it)
// Images are decoded with pure-JS jpeg-js / pngjs (nothing native).
//
// usage: node make-fixtures.js [faceApiModelDir]   (default: node_modules/@vladmandic/face-api/model)
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

const WEIGHTS = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve(WEIGHTS, '..');
const MODELS = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) || path.join(__dirname, 'node_modules', '@vladmandic', 'face-api', 'model'));
const IDENTITY = path.join(ROOT, 'vision-worker', 'src', 'test', 'resources', 'identity');
const sig9 = (v) => Number(v.toPrecision(9));
// pretty JSON with arrays of numbers (or of arrays of numbers) on one line
const pretty = (o) => JSON.stringify(o, (k, v) => (Array.isArray(v) && v.every((x) => typeof x === 'number' || Array.isArray(x))
  ? JSON.stringify(v) : v), 1).replace(/"(\[[-0-9.e,\[\]]*\])"/g, '$1') + '\n';

function xorshift32(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

function randomInput(recipe, count) {
  const next = xorshift32(recipe.seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.fround(recipe.lo + (recipe.hi - recipe.lo) * (next() / 4294967296));
  return out;
}

function decode(file) {
  const buf = fs.readFileSync(file);
  let w; let h; let rgba;
  if (file.endsWith('.png')) {
    const png = PNG.sync.read(buf);
    [w, h, rgba] = [png.width, png.height, png.data];
  } else {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    [w, h, rgba] = [img.width, img.height, img.data];
  }
  const rgb = new Int32Array(w * h * 3);
  for (let i = 0; i < w * h; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = rgba[i * 4 + c];
  return { w, h, rgb };
}

// crop [x,y,w,h] of an image, nearest neighbour to size x size (src = x + floor(dx*w/size)), raw 0..255, HWC RGB
function imageInput(recipe) {
  const img = decode(path.join(WEIGHTS, recipe.file));
  const [x0, y0, w, h] = recipe.crop;
  const s = recipe.size;
  const hwc = new Float32Array(s * s * 3);
  for (let dy = 0; dy < s; dy++) {
    const sy = y0 + Math.floor((dy * h) / s);
    for (let dx = 0; dx < s; dx++) {
      const sx = x0 + Math.floor((dx * w) / s);
      for (let c = 0; c < 3; c++) hwc[(dy * s + dx) * 3 + c] = Math.fround(img.rgb[(sy * img.w + sx) * 3 + c] / recipe.divisor - recipe.subtract);
    }
  }
  return hwc;
}

const STILLS = ['cc0_interfaces_001_frontal.jpg', 'cc0_interfaces_006_frontal.jpg', 'cc0_interfaces_050_frontal.jpg',
  'nasa_astronaut_eileen_collins.png'].map((f) => `testdata/images/single_frontal/${f}`);
const FACE = 'testdata/images/single_frontal/nasa_astronaut_eileen_collins.png';

async function parity() {
  const cases = [
    { id: 'random', recipe: { kind: 'xorshift32', seed: 14, lo: 0, hi: 255 } },
    { id: 'face', recipe: { kind: 'image', file: FACE, crop: [150, 50, 150, 150], size: 150, divisor: 1, subtract: 0, layout: 'NHWC' } },
  ];
  const out = {
    model: 'faceres34',
    source: '@vladmandic/face-api@1.7.15 package/model/face_recognition_model-weights_manifest.json',
    reference: `@vladmandic/face-api@1.7.15 faceRecognitionNet.computeFaceDescriptor, @tensorflow/tfjs@4.22.0 backend=${tf.getBackend()} node ${process.version}`,
    input: { name: 'input', shape: [1, 150, 150, 3] },
    note: 'input: RGB pixels 0..255 (face-api subtracts its mean RGB and divides by 255 inside, as the ONNX graph does); values: the whole output',
    cases: [],
  };
  for (const c of cases) {
    const data = c.recipe.kind === 'xorshift32' ? randomInput(c.recipe, 150 * 150 * 3) : imageInput(c.recipe);
    let inputSum = 0;
    for (const v of data) inputSum += v;
    const t = tf.tensor4d(data, [1, 150, 150, 3], 'float32');
    const d = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(t);
    t.dispose();
    let maxAbs = 0; let sum = 0;
    for (const v of d) { maxAbs = Math.max(maxAbs, Math.abs(v)); sum += v; }
    out.cases.push({
      id: c.id, recipe: c.recipe, inputSum,
      outputs: { descriptor: { shape: [1, 128], count: 128, maxAbs: sig9(maxAbs), sum: sig9(sum), stride: 1, values: Array.from(d, sig9) } },
    });
  }
  const file = path.join(WEIGHTS, 'src', 'test', 'resources', 'parity', 'faceres34.json');
  fs.writeFileSync(file, pretty(out));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function identity() {
  const labels = JSON.parse(fs.readFileSync(path.join(IDENTITY, 'labels.json'), 'utf8'));
  // the identity photos, then single-face stills of other people (impostors; the webcam-like Silent-Face still is
  // left out: its copy in weights/testdata carries an EXIF rotation that jpeg-js ignores and OpenCV applies)
  const entries = labels.images.map((e) => ({ file: e.file, person: e.person, dir: IDENTITY }))
    .concat(STILLS.map((f) => ({ file: f, person: path.basename(f).replace(/\.[a-z]+$/, ''), dir: WEIGHTS })));
  const results = [];
  for (const entry of entries) {
    const img = decode(path.join(entry.dir, entry.file));
    const t = tf.tensor3d(img.rgb, [img.h, img.w, 3], 'int32');
    const found = await faceapi.detectAllFaces(t, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks().withFaceDescriptors();
    t.dispose();
    const r = { file: entry.file, person: entry.person, width: img.w, height: img.h, faces: found.length };
    if (found.length > 0) {
      const best = found.reduce((a, b) => (a.detection.box.area >= b.detection.box.area ? a : b));
      const b = best.detection.box;
      const a = best.landmarks.align(null, { useDlibAlignment: true });
      r.score = sig9(best.detection.score);
      r.box = [b.x, b.y, b.width, b.height].map(sig9);
      r.landmarks68 = best.landmarks.positions.map((p) => [sig9(p.x), sig9(p.y)]);
      r.alignedRect = [a.x, a.y, a.width, a.height];
      r.descriptor = Array.from(best.descriptor, sig9);
    }
    results.push(r);
    console.log(`${entry.file}: ${found.length} face(s)${r.alignedRect ? ' rect ' + r.alignedRect.join(',') : ''}`);
  }
  const out = {
    what: "face-api's own pipeline on the identity set: SSD MobileNetV1 (minConfidence 0.5), 68-point landmarks, "
      + 'landmarks.align(null, {useDlibAlignment: true}), ResNet-34 descriptor; largest face per image',
    reference: `@vladmandic/face-api@1.7.15, @tensorflow/tfjs@4.22.0 backend=${tf.getBackend()} node ${process.version}; images decoded by jpeg-js 0.4.4 / pngjs 7.0.0`,
    images: results,
  };
  const file = path.join(IDENTITY, 'face-api-reference.json');
  fs.writeFileSync(file, pretty(out));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODELS);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODELS);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(MODELS);
  await parity();
  if (!process.argv.includes('--parity-only')) await identity();
}

main().catch((e) => { console.error(e); process.exit(1); });
