"""Benchmark `humaskit render` against a plain Pillow script (run by hand, not in CI).

    python benchmarks/bench_render.py            # 30 single posters, 200-poster batch
    python benchmarks/bench_render.py --quick    # fewer repetitions

1. Time per 1080×1350 poster (template ``pengumuman``, PNG), side by side in the same run
   with a plain Pillow script that draws the same layers (gradient, logo, shapes, text) and
   saves the same format with the same settings. The plain script gets its text lines and
   font sizes precomputed outside the timed loop, as a hand-made script would have them
   hard-coded: it is the practical limit, with no template, validation, fitting or
   contrast check. Target: humaskit within 1.5× of it.
2. A batch of 200 posters from a CSV, on one process and on every core.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageOps

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from humaskit.guideline import load_guideline  # noqa: E402
from humaskit.render.api import Options, Renderer  # noqa: E402
from humaskit.render.batch import render_file  # noqa: E402
from humaskit.render.data import load_items, values_for  # noqa: E402
from humaskit.render.draw import PillowMeasure  # noqa: E402
from humaskit.render.layout import plan  # noqa: E402

SIZE = (1080, 1350)


def humaskit_poster(renderer, item) -> bytes:
    return renderer.render(item, ["instagram-feed"], "bench")[0].data


def plain_script_setup(renderer, item):
    """Everything a hand-written script would hard-code: colours, boxes, lines, fonts."""
    values = values_for(item, renderer.template, renderer.guideline)
    placed = plan(renderer.template, "instagram-feed", *SIZE, values, PillowMeasure(renderer.brand))
    steps = []
    for p in placed:
        layer = p.layer
        color = renderer.brand.color(layer.get("color"), item.agency) if layer.get("color") else None
        if layer["type"] == "background":
            steps.append(("gradient", color, renderer.brand.color(layer["to"], item.agency)))
        elif layer["type"] == "shape":
            steps.append(("shape", p.box, color, layer["radius"]))
        elif layer["type"] == "logo":
            with Image.open(renderer.brand.logos[layer["logo"]]) as logo:
                steps.append(("logo", p.box, logo.convert("RGBA")))
        else:
            font = renderer.brand.font(layer["font"], p.size)
            lines = []
            for i, line in enumerate(p.lines):
                room = (p.box[2] - p.box[0] - line.indent) - font.getlength(line.text)
                x = p.box[0] + line.indent + {"left": 0, "center": room / 2, "right": room}[layer["align"]]
                lines.append((round(x), p.box[1] + p.ascent + i * p.line_px, line.text))
            steps.append(("text", font, color, lines))
    return steps


def plain_script_poster(steps) -> bytes:
    """The plain Pillow drawing of the same layers, then the same PNG encoding."""
    canvas = None
    for step in steps:
        if step[0] == "gradient":
            vertical = Image.linear_gradient("L")
            across = vertical.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            mask = ImageChops.add(vertical, across, scale=2).resize(SIZE, Image.Resampling.BILINEAR)
            canvas = Image.composite(Image.new("RGB", SIZE, step[2]), Image.new("RGB", SIZE, step[1]), mask)
            pen = ImageDraw.Draw(canvas)
        elif step[0] == "shape":
            _, box, color, radius = step
            pen.rounded_rectangle((box[0], box[1], box[2] - 1, box[3] - 1), radius=radius, fill=color)
        elif step[0] == "logo":
            _, box, logo = step
            fitted = ImageOps.contain(logo, (box[2] - box[0], box[3] - box[1]), Image.Resampling.LANCZOS)
            canvas.paste(fitted, (box[0] + (box[2] - box[0] - fitted.width) // 2,
                                  box[1] + (box[3] - box[1] - fitted.height) // 2), fitted)
        else:
            _, font, color, lines = step
            for x, y, line in lines:
                pen.text((x, y), line, font=font, fill=color, anchor="ls")
    out = io.BytesIO()
    canvas.save(out, "PNG", compress_level=6)
    return out.getvalue()


def timed_pair(first, second, repeat: int) -> tuple[float, float]:
    """Median seconds per call of two functions, alternating them so that load from other
    processes on the machine affects both alike; one warm-up call each."""
    first(), second()
    runs: tuple[list, list] = ([], [])
    for _ in range(repeat):
        for function, out in ((first, runs[0]), (second, runs[1])):
            start = time.perf_counter()
            function()
            out.append(time.perf_counter() - start)
    return statistics.median(runs[0]), statistics.median(runs[1])


WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def batch_csv(folder: Path, rows: int) -> Path:
    path = folder / "agenda-200.csv"
    agencies = ["dinkes", "disdik", "dishub", "dlh", "dinsos", "diskominfo", "disparbud", "bpbd"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["judul", "tanggal", "waktu", "tempat", "keterangan", "agency"])
        for i in range(rows):
            day = 1 + i % 28  # the weekday must match: render lints the date it prints
            weekday = WEEKDAYS[date(2026, 12, day).weekday()]
            writer.writerow([f"Kegiatan Pelayanan Warga Nomor {i + 1}", f"{weekday}, {day} Desember 2026",
                             "08.00-12.00 WIB", f"Kantor Kecamatan {['Cihideung', 'Tawang', 'Kawalu'][i % 3]}",
                             "Terbuka untuk umum, gratis.", agencies[i % len(agencies)]])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a 40-poster batch")
    args = parser.parse_args()
    repeat, rows = (8, 40) if args.quick else (30, 200)

    guideline = load_guideline()
    renderer = Renderer.load("pengumuman", guideline, Options())
    item = load_items(str(REPO / "examples" / "render" / "pengumuman.yaml"), renderer.template, guideline)[0]
    steps = plain_script_setup(renderer, item)
    ours, plain = timed_pair(lambda: humaskit_poster(renderer, item), lambda: plain_script_poster(steps), repeat)
    print(f"Poster 1080×1350 PNG (median of {repeat}):")
    print(f"  plain Pillow script   {plain * 1000:7.1f} ms")
    print(f"  humaskit render       {ours * 1000:7.1f} ms   ({ours / plain:.2f}× the plain script)")

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        data = batch_csv(Path(tmp), rows)
        results = {}
        for jobs in sorted({1, cores}):
            out = Path(tmp) / f"out-{jobs}"
            start, cpu = time.perf_counter(), os.times()
            report = render_file("agenda", str(data), guideline, out, sizes=["instagram-feed"], jobs=jobs)
            wall = time.perf_counter() - start
            after = os.times()
            used = (after.user - cpu.user) + (after.children_user - cpu.children_user) + \
                   (after.system - cpu.system) + (after.children_system - cpu.children_system)
            assert len(report.written) == rows and not report.failed
            results[jobs] = wall
            print(f"Batch of {rows} posters, {jobs} process(es): {wall:6.2f} s wall, {wall / rows * 1000:6.1f} ms "
                  f"per poster, CPU {used / wall:.2f} cores busy")
        if cores > 1:
            print(f"  speed-up on {cores} cores: {results[1] / results[cores]:.2f}×")


if __name__ == "__main__":
    main()
