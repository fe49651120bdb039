#!/usr/bin/python3
"""MiniFASNet (Silent-Face-Anti-Spoofing) PyTorch state dicts -> ONNX, plus parity fixtures and manifest entries.

Run with Debian's python (python3-torch 1.13, python3-onnx 1.12, python3-opencv, python3-numpy), see convert.sh.

The network is rebuilt here from the layer names and shapes in the state dict (no upstream code is used): every
channel count ("keep" configuration), the number of residual blocks per stage and the blocks carrying a
squeeze-and-excitation module are read from the tensors, the rest (strides, paddings, kernel sizes, order of
operations) is MiniFASNet's published design, checked by a strict load (no missing or unexpected keys).

Outputs (paths relative to weights/):
  models/minifasnet_v2.onnx, models/minifasnet_v1se.onnx        input "input" [N,3,80,80] float32 BGR 0..255,
                                                                 outputs "logits" [N,3] and "probs" [N,3] (softmax)
  src/test/resources/minifasnet/minifasnet_*.json                PyTorch reference outputs (MiniFasNetParityTest)
  src/test/resources/minifasnet/crop_*.png                       80x80 face crops used as real-image parity inputs
  manifest.json                                                  the two entries (others' entries are kept)
"""
import argparse
import collections
import decimal
import hashlib
import json
import os
import re
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = os.path.normpath(os.path.join(HERE, "..", ".."))
SRC_COMMIT = "b6d5f04ad78778917853b25c778acef6d5626d15"
OPSET = 13

MODELS = [
    # name, upstream file, crop scale, SE variant
    ("minifasnet_v2", "2.7_80x80_MiniFASNetV2.pth", 2.7, False),
    ("minifasnet_v1se", "4_0_0_80x80_MiniFASNetV1SE.pth", 4.0, True),
]
INPUT_H = INPUT_W = 80
# sha256 of the upstream state dicts this script was written and checked against
PTH_SHA256 = {
    "2.7_80x80_MiniFASNetV2.pth": "a5eb02e1843f19b5386b953cc4c9f011c3f985d0ee2bb9819eea9a142099bec0",
    "4_0_0_80x80_MiniFASNetV1SE.pth": "84ee1d37d96894d5e82de5a57df044ef80a58be2b218b5ed7cdfd875ec2f5990",
}
# max over both outputs of max|onnx - torch| / max|torch|, printed by MiniFasNetParityTest (ONNX Runtime 1.29.0 Java,
# CPU) for the .onnx this script writes (the export is byte-for-byte deterministic); copied into manifest.json
PARITY_MEASURED = {"minifasnet_v2": 8.14e-07, "minifasnet_v1se": 6.61e-07}


# ----------------------------------------------------------------------------------------------------------------
# Network (names of submodules = names in the state dict)
# ----------------------------------------------------------------------------------------------------------------
class ConvBlock(nn.Module):
    """Conv (no bias) + BatchNorm + PReLU (per channel)."""

    def __init__(self, cin, cout, kernel=1, stride=1, padding=0, groups=1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel, stride, padding, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(cout)
        self.prelu = nn.PReLU(cout)

    def forward(self, x):
        return self.prelu(self.bn(self.conv(x)))


class LinearBlock(nn.Module):
    """Conv (no bias) + BatchNorm, no activation."""

    def __init__(self, cin, cout, kernel=1, stride=1, padding=0, groups=1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel, stride, padding, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return self.bn(self.conv(x))


class SEModule(nn.Module):
    """Squeeze-and-excitation: global average pool, 1x1 conv + BN + ReLU, 1x1 conv + BN + sigmoid, scale."""

    def __init__(self, channels, hidden):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, hidden, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(hidden)
        self.fc2 = nn.Conv2d(hidden, channels, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        s = F.adaptive_avg_pool2d(x, 1)
        s = F.relu(self.bn1(self.fc1(s)))
        s = torch.sigmoid(self.bn2(self.fc2(s)))
        return x * s


class DepthWise(nn.Module):
    """Inverted bottleneck: 1x1 expand (ConvBlock), 3x3 depthwise (ConvBlock), 1x1 linear projection.
    Residual blocks add the input; in the SE variant the SE module scales the projection before the addition."""

    def __init__(self, cin, cexp, cout, stride, residual, se_hidden=None):
        super().__init__()
        self.conv = ConvBlock(cin, cexp, 1)
        self.conv_dw = ConvBlock(cexp, cexp, 3, stride, 1, groups=cexp)
        self.project = LinearBlock(cexp, cout, 1)
        self.residual = residual
        if se_hidden is not None:
            assert residual
            self.se_module = SEModule(cout, se_hidden)

    def forward(self, x):
        y = self.project(self.conv_dw(self.conv(x)))
        if hasattr(self, "se_module"):
            y = self.se_module(y)
        return x + y if self.residual else y


class Residual(nn.Module):
    def __init__(self, blocks):
        super().__init__()
        self.model = nn.Sequential(*blocks)

    def forward(self, x):
        return self.model(x)


class MiniFASNet(nn.Module):
    def __init__(self, sd):
        super().__init__()

        def w(name):
            return sd[name + ".weight"]

        def dw(prefix, stride, residual):
            cexp, cin = w(prefix + ".conv.conv").shape[:2]
            cout = w(prefix + ".project.conv").shape[0]
            assert tuple(w(prefix + ".conv_dw.conv").shape) == (cexp, 1, 3, 3), prefix
            se = prefix + ".se_module.fc1.weight"
            return DepthWise(cin, cexp, cout, stride, residual, sd[se].shape[0] if se in sd else None)

        def stage(prefix):
            n = 1 + max(int(m.group(1)) for k in sd for m in [re.match(re.escape(prefix) + r"\.model\.(\d+)\.", k)] if m)
            return Residual([dw("%s.model.%d" % (prefix, i), 1, True) for i in range(n)])

        c0 = w("conv1.conv").shape[0]
        self.conv1 = ConvBlock(3, c0, 3, 2, 1)                     # 80 -> 40
        self.conv2_dw = ConvBlock(c0, c0, 3, 1, 1, groups=c0)      # depthwise
        self.conv_23 = dw("conv_23", 2, False)                    # 40 -> 20
        self.conv_3 = stage("conv_3")
        self.conv_34 = dw("conv_34", 2, False)                    # 20 -> 10
        self.conv_4 = stage("conv_4")
        self.conv_45 = dw("conv_45", 2, False)                    # 10 -> 5
        self.conv_5 = stage("conv_5")
        c6 = w("conv_6_sep.conv").shape[0]
        self.conv_6_sep = ConvBlock(w("conv_6_sep.conv").shape[1], c6, 1)
        k6 = w("conv_6_dw.conv").shape[2:]
        assert tuple(k6) == ((INPUT_H + 15) // 16, (INPUT_W + 15) // 16), k6   # 5x5 = the final feature map
        self.conv_6_dw = LinearBlock(c6, c6, tuple(k6), groups=c6)  # global depthwise conv (GDC), linear
        emb, flat = w("linear").shape
        assert flat == c6
        self.linear = nn.Linear(flat, emb, bias=False)
        self.bn = nn.BatchNorm1d(emb)
        self.prob = nn.Linear(emb, w("prob").shape[0], bias=False)

    def forward(self, x):
        x = self.conv_23(self.conv2_dw(self.conv1(x)))
        x = self.conv_34(self.conv_3(x))
        x = self.conv_45(self.conv_4(x))
        x = self.conv_6_sep(self.conv_5(x))
        x = torch.flatten(self.conv_6_dw(x), 1)
        return self.prob(self.bn(self.linear(x)))   # (dropout of training is identity at inference)


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        logits = self.net(x)
        return logits, F.softmax(logits, dim=1)


def load_state_dict(path):
    raw = torch.load(path, map_location="cpu")
    sd = collections.OrderedDict()
    for k, v in raw.items():
        sd[k[len("module."):] if k.startswith("module.") else k] = v
    return sd


def build(path, expect_se):
    sd = load_state_dict(path)
    # FTGenerator (auxiliary Fourier-spectrum branch of training) would be "FTGenerator.*"; not part of inference
    ignored = [k for k in sd if k.startswith("FTGenerator.")]
    sd = collections.OrderedDict((k, v) for k, v in sd.items() if not k.startswith("FTGenerator."))
    net = MiniFASNet(sd)
    result = net.load_state_dict(sd, strict=True)   # raises on any missing/unexpected key or shape mismatch
    assert not result.missing_keys and not result.unexpected_keys
    has_se = any(".se_module." in k for k in sd)
    assert has_se == expect_se, (path, has_se)
    net.eval()
    return net, sd, ignored


def describe(net):
    """One line per stage with its channel configuration, for the README/report."""
    lines = []
    for name, m in net.named_children():
        if isinstance(m, DepthWise):
            lines.append("%s: %s" % (name, block_str(m)))
        elif isinstance(m, Residual):
            lines.append("%s: %d residual blocks [%s]" % (name, len(m.model), ", ".join(block_str(b) for b in m.model)))
        elif isinstance(m, (ConvBlock, LinearBlock)):
            c = m.conv
            lines.append("%s: conv %dx%d s%d %d->%d%s%s" % (name, c.kernel_size[0], c.kernel_size[1], c.stride[0],
                                                            c.in_channels, c.out_channels,
                                                            " depthwise" if c.groups > 1 else "",
                                                            " +BN+PReLU" if isinstance(m, ConvBlock) else " +BN (linear)"))
        elif isinstance(m, nn.Linear):
            lines.append("%s: FC %d->%d (no bias)" % (name, m.in_features, m.out_features))
        elif isinstance(m, nn.BatchNorm1d):
            lines.append("%s: BatchNorm1d(%d)" % (name, m.num_features))
    return lines


def block_str(b):
    s = "%d-%d-%d s%d" % (b.conv.conv.in_channels, b.conv.conv.out_channels, b.project.conv.out_channels,
                          b.conv_dw.conv.stride[0])
    if hasattr(b, "se_module"):
        s += " +SE(%d)" % b.se_module.fc1.out_channels
    return s


# ----------------------------------------------------------------------------------------------------------------
# Inputs shared with the Java test
# ----------------------------------------------------------------------------------------------------------------
def lcg_input(seed, n=3 * INPUT_H * INPUT_W):
    """Deterministic pseudo-random pixels in [0,255): 32-bit LCG (Numerical Recipes constants), value = (state>>>8)
    * 255/2^24, computed in double and rounded to float32 (MiniFasNetParityTest does the same)."""
    out = np.empty(n, dtype=np.float32)
    s = seed & 0xFFFFFFFF
    for i in range(n):
        s = (1664525 * s + 1013904223) & 0xFFFFFFFF
        out[i] = np.float32((s >> 8) * (255.0 / 16777216.0))
    return out.reshape(1, 3, INPUT_H, INPUT_W)


def upstream_box(src_w, src_h, bbox, scale):
    """Silent-Face CropImage._get_new_box semantics: scale the [x,y,w,h] box about its centre (scale limited so the
    box fits the image), shift it back inside the image, truncate to int."""
    x, y, box_w, box_h = bbox
    scale = min((src_h - 1) / box_h, min((src_w - 1) / box_w, scale))
    new_w, new_h = box_w * scale, box_h * scale
    cx, cy = box_w / 2 + x, box_h / 2 + y
    x0, y0, x1, y1 = cx - new_w / 2, cy - new_h / 2, cx + new_w / 2, cy + new_h / 2
    if x0 < 0:
        x1 -= x0
        x0 = 0
    if y0 < 0:
        y1 -= y0
        y0 = 0
    if x1 > src_w - 1:
        x0 -= x1 - src_w + 1
        x1 = src_w - 1
    if y1 > src_h - 1:
        y0 -= y1 - src_h + 1
        y1 = src_h - 1
    return int(x0), int(y0), int(x1), int(y1)


def crop_bgr(cv2, img, bbox, scale):
    h, w = img.shape[:2]
    x0, y0, x1, y1 = upstream_box(w, h, bbox, scale)
    return cv2.resize(img[y0:y1 + 1, x0:x1 + 1], (INPUT_W, INPUT_H)), (x0, y0, x1, y1)   # INTER_LINEAR


def imread(cv2, path):
    """BGR uint8 pixels as stored. EXIF orientation is ignored on purpose: the two *_upright.jpg stills have upright
    pixels but still carry the original Orientation=6 tag, and the face boxes refer to the stored pixels (Java's ImageIO,
    used by the tests and the BlazeFace run that produced the boxes, ignores EXIF too)."""
    img = cv2.imread(path, cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)
    assert img is not None, path
    return img


def to_nchw(bgr_u8):
    """HWC uint8 BGR -> 1x3xHxW float32, values 0..255 (upstream's ToTensor does not divide by 255)."""
    return np.ascontiguousarray(bgr_u8.transpose(2, 0, 1)[None].astype(np.float32))


# ----------------------------------------------------------------------------------------------------------------
# Output writers
# ----------------------------------------------------------------------------------------------------------------
def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def jackson_json(v, level=0):
    """JSON in the exact layout of org.campusproctor.weights.tfjs.ManifestTool.write (Jackson pretty printer:
    objects indented by 2 spaces per object level, arrays inline "[ a, b ]", "key" : -> "key": )."""
    if isinstance(v, dict):
        if not v:
            return "{}"
        pad = "  " * (level + 1)
        items = [pad + json.dumps(k, ensure_ascii=False) + ": " + jackson_json(x, level + 1) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[ " + ", ".join(jackson_json(x, level) for x in v) + " ]"
    if isinstance(v, float):
        return java_double(v)
    return json.dumps(v, ensure_ascii=False)


def java_double(x):
    """Java's Double.toString (what Jackson writes): plain notation in [1e-3, 1e7), else d.dddE[-]n; shortest digits."""
    if x == 0 or 1e-3 <= abs(x) < 1e7:
        return repr(float(x))   # Python also uses plain notation with at least one decimal in this range
    sign, digits, exp = decimal.Decimal(repr(float(x))).as_tuple()
    digits = "".join(map(str, digits)).rstrip("0") or "0"
    e = len(decimal.Decimal(repr(abs(float(x)))).as_tuple().digits) + exp - 1
    return ("-" if sign else "") + digits[0] + "." + (digits[1:] or "0") + "E" + str(e)


def rounded(a, digits=7):
    return [[float("%.*g" % (digits + 2, x)) for x in row] for row in np.asarray(a, dtype=np.float64)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=os.path.join(HERE, "pth"), help="folder with the two .pth files")
    ap.add_argument("--out", default=os.path.join(WEIGHTS, "models"))
    ap.add_argument("--fixtures", default=os.path.join(WEIGHTS, "src/test/resources/minifasnet"))
    ap.add_argument("--images", default=os.path.join(WEIGHTS, "testdata/images/spoof"))
    ap.add_argument("--manifest", default=os.path.join(WEIGHTS, "manifest.json"))
    ap.add_argument("--no-manifest", action="store_true", help="do not touch manifest.json")
    ap.add_argument("--no-fixtures", action="store_true", help="only write the .onnx files")
    args = ap.parse_args()

    import onnx
    import cv2
    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)

    boxes = json.load(open(os.path.join(args.fixtures, "face_boxes.json")))["boxes"]
    os.makedirs(args.out, exist_ok=True)
    entries = []
    ensemble = collections.OrderedDict()
    for name, fname, scale, se in MODELS:
        pth = os.path.join(args.src, fname)
        if sha256(pth) != PTH_SHA256[fname]:
            sys.exit("%s: sha256 %s, expected %s (not the upstream file at commit %s)"
                     % (pth, sha256(pth), PTH_SHA256[fname], SRC_COMMIT))
        net, sd, ignored = build(pth, se)
        print("== %s (%s): %d tensors loaded strictly, %d FTGenerator tensors ignored, %d parameters"
              % (name, fname, len(sd), len(ignored), sum(p.numel() for p in net.parameters())))
        for line in describe(net):
            print("   " + line)

        # ---- export
        onnx_path = os.path.join(args.out, name + ".onnx")
        model = Exported(net).eval()
        dummy = torch.zeros(1, 3, INPUT_H, INPUT_W)
        torch.onnx.export(model, dummy, onnx_path, opset_version=OPSET, do_constant_folding=True,
                          input_names=["input"], output_names=["logits", "probs"],
                          dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}, "probs": {0: "N"}},
                          training=torch.onnx.TrainingMode.EVAL)
        m = onnx.load(onnx_path)
        onnx.checker.check_model(m, full_check=True)
        ops = collections.Counter(n.op_type for n in m.graph.node)
        print("   onnx: %s, %d bytes, sha256 %s, ops %s" % (onnx_path, os.path.getsize(onnx_path), sha256(onnx_path),
                                                           dict(sorted(ops.items()))))

        # ---- reference outputs
        cases = []
        inputs = []
        for seed in (1, 20240611):
            inputs.append(({"kind": "lcg", "seed": seed}, "lcg_seed%d" % seed, torch.from_numpy(lcg_input(seed))))
        for img_name in ("live_silentface_T1_upright.jpg", "spoof_screen_replay_silentface_F2_upright.jpg"):
            img = imread(cv2, os.path.join(args.images, img_name))
            crop, _ = crop_bgr(cv2, img, boxes[img_name], scale)
            png = "crop_%s_%s.png" % (name, os.path.splitext(img_name)[0])
            if not args.no_fixtures:
                cv2.imwrite(os.path.join(args.fixtures, png), crop, [cv2.IMWRITE_PNG_COMPRESSION, 9])
            inputs.append(({"kind": "png", "file": "minifasnet/" + png}, "crop_" + os.path.splitext(img_name)[0],
                           torch.from_numpy(to_nchw(crop))))
        batch = torch.cat([t for _, _, t in inputs])
        with torch.no_grad():
            logits, probs = model(batch)
            singles = torch.cat([model(t)[0] for _, _, t in inputs])
        assert torch.allclose(logits, singles, rtol=0, atol=1e-4 * float(logits.abs().max())), "batch != single"
        for (inp, case, _), lg, pr in zip(inputs, logits.numpy(), probs.numpy()):
            cases.append(collections.OrderedDict([("name", case), ("input", inp), ("logits", rounded([lg])[0]),
                                                  ("probs", rounded([pr])[0])]))
            print("   %-55s logits %s probs %s" % (case, np.array2string(lg, precision=4), np.array2string(pr, precision=4)))

        # ---- upstream pipeline on the spoof stills (cv2 decode + cv2 INTER_LINEAR crop), for the record
        for img_name in sorted(boxes):
            img = imread(cv2, os.path.join(args.images, img_name))
            crop, box = crop_bgr(cv2, img, boxes[img_name], scale)
            with torch.no_grad():
                p = model(torch.from_numpy(to_nchw(crop)))[1][0].numpy()
            ensemble.setdefault(img_name, []).append(p)
            print("   %-55s crop box %s probs %s" % (img_name, box, np.array2string(p, precision=4)))

        fixture = collections.OrderedDict([
            ("model", name),
            ("onnx", "models/%s.onnx" % name),
            ("reference", "PyTorch %s (Debian python3-torch), CPU float32, eval mode, on %s (%s); tools/minifasnet/convert.py"
             % (torch.__version__, fname, sha256(pth))),
            ("input_layout", "[1,3,80,80] float32 NCHW, BGR, 0..255 (png: RGB file, fed as B,G,R planes)"),
            ("cases", cases),
        ])
        if not args.no_fixtures:
            with open(os.path.join(args.fixtures, name + ".json"), "w") as f:
                f.write(json.dumps(fixture, indent=1) + "\n")

        entries.append(collections.OrderedDict([
            ("name", name),
            ("file", "models/%s.onnx" % name),
            ("sha256", sha256(onnx_path)),
            ("bytes", os.path.getsize(onnx_path)),
            ("task", "face anti-spoofing (presentation-attack detection), MiniFASNet%s, 3 classes: index 1 = real face, "
                     "0 and 2 = attack kinds; upstream averages the softmax of both models (%s)"
             % ("V1SE" if se else "V2", "minifasnet_v2 + minifasnet_v1se")),
            ("inputs", [collections.OrderedDict([("name", "input"), ("shape", ["N", 3, INPUT_H, INPUT_W]),
                                                 ("dtype", "float32")])]),
            ("outputs", [
                collections.OrderedDict([("name", "logits"), ("shape", ["N", 3]), ("dtype", "float32"),
                                         ("description", "class scores before softmax")]),
                collections.OrderedDict([("name", "probs"), ("shape", ["N", 3]), ("dtype", "float32"),
                                         ("description", "softmax(logits); probs[:,1] = P(real)")]),
            ]),
            ("preprocessing", collections.OrderedDict([
                ("crop", "face box [x,y,w,h] from a face detector, scaled by %s about its centre (scale lowered so "
                         "that the box fits the image), shifted back inside the image, truncated to int "
                         "(Silent-Face CropImage._get_new_box)" % scale),
                ("crop_scale", scale),
                ("size", [INPUT_H, INPUT_W]),
                ("resize", "bilinear (cv2.resize INTER_LINEAR, no antialiasing)"),
                ("layout", "NCHW"),
                ("colour_order", "BGR"),
                ("normalisation", "none: raw pixel values 0..255 as float (upstream's ToTensor does not divide by 255)"),
                ("value_range", [0, 255]),
            ])),
            ("postprocessing", "average probs of minifasnet_v2 and minifasnet_v1se; argmax == 1 -> live, "
                               "confidence = mean probability of the winning class"),
            ("source", collections.OrderedDict([
                ("repository", "github:minivision-ai/Silent-Face-Anti-Spoofing"),
                ("commit", SRC_COMMIT),
                ("path", "resources/anti_spoof_models/" + fname),
                ("sha256_pth", sha256(pth)),
            ])),
            ("conversion", collections.OrderedDict([
                ("tool", "tools/minifasnet/convert.py (network rebuilt from the state dict, strict load)"),
                ("torch", torch.__version__),
                ("onnx", onnx.__version__),
                ("opset", OPSET),
                ("ir_version", m.ir_version),
            ])),
            ("licence", "Apache-2.0"),
            ("upstream", collections.OrderedDict([
                ("credit", "Silent-Face-Anti-Spoofing by Minivision AI (minivision-ai), Apache-2.0; licence text and "
                           "source note in tools/minifasnet/LICENSE and tools/minifasnet/SOURCE.md"),
            ])),
            ("parity", collections.OrderedDict([
                ("reference", "PyTorch %s CPU on the original state dict" % torch.__version__),
                ("runtime", "ONNX Runtime 1.29.0 Java, CPU EP"),
                ("metric", "max|onnx - torch| / max|torch| per output, batch of 4 (2 seeded noise + 2 real face crops)"),
                ("max_relative_error", PARITY_MEASURED[name]),
                ("tolerance", 0.0001),
                ("test", "MiniFasNetParityTest (fixtures src/test/resources/minifasnet/%s.json)" % name),
            ])),
        ]))

    print("== ensemble (mean of the two softmax outputs, upstream pipeline with cv2):")
    for img_name, ps in ensemble.items():
        p = np.mean(ps, axis=0)
        print("   %-55s probs %s -> %s" % (img_name, np.array2string(p, precision=4), "LIVE" if p.argmax() == 1 else "SPOOF"))

    if not args.no_manifest:
        if os.path.exists(args.manifest):
            root = json.load(open(args.manifest), object_pairs_hook=collections.OrderedDict)
        else:
            root = collections.OrderedDict([("models", [])])
        models = root.setdefault("models", [])
        for e in entries:
            for i, old in enumerate(models):
                if old.get("name") == e["name"]:
                    models[i] = e
                    break
            else:
                models.append(e)
        with open(args.manifest, "w", encoding="utf-8") as f:
            f.write(jackson_json(root) + "\n")
        print("== %s: entries %s written" % (args.manifest, [e["name"] for e in entries]))


if __name__ == "__main__":
    main()
