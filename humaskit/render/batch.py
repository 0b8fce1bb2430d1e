"""Render many items across CPU cores; a broken item is reported and the others still render."""

from __future__ import annotations

from pathlib import Path

from humaskit.errors import HumaskitError, Problem, os_reason
from humaskit.render.api import Options, RenderReport, Renderer, TextError
from humaskit.render.data import Item, base_name, values_for
from humaskit.workers import worker_count, worker_pool

_WORKER: Renderer | None = None


def unique_names(renderer: Renderer, items: list[Item]) -> list[str]:
    """Output base names from the data; repeats get -2, -3 … in input order (deterministic)."""
    seen: dict[str, int] = {}
    names = []
    for item in items:
        name = base_name(item, renderer.template, values_for(item, renderer.template, renderer.guideline))
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return names


def _init(template_path: str, guideline_path: str, options: Options) -> None:
    global _WORKER
    if _WORKER is None:  # inherited already when the pool forks
        from humaskit.guideline import load_guideline

        _WORKER = Renderer.load(template_path, load_guideline(guideline_path), options)


def _task(args):
    index, item, sizes, base, out_dir = args
    try:
        rendered = _WORKER.render(item, sizes, base)
        written = _WORKER.write(rendered, Path(out_dir))
    except TextError as error:
        return index, [], error.problems, error.warnings, True
    except HumaskitError as error:
        return index, [], error.problems, [], False
    except OSError as exc:  # the output folder is not writable, the disk is full …
        return index, [], [Problem(f"Gambar tidak dapat ditulis: {os_reason(exc)}.",
                                   path=exc.filename or out_dir)], [], False
    return index, written, [], [w for r in rendered for w in r.warnings], False


def run_batch(renderer: Renderer, items: list[Item], sizes: list[str], out_dir: Path, *, jobs: int = 0,
              progress: bool = False) -> RenderReport:
    global _WORKER
    names = unique_names(renderer, items)
    tasks = [(i, item, sizes, names[i], str(out_dir)) for i, item in enumerate(items)]
    workers = worker_count(len(tasks), jobs, fork=False)
    results = []
    _WORKER = renderer  # used in this process, and inherited by forked workers
    try:
        if workers <= 1:
            with _progress(progress, len(tasks)) as advance:
                for task in tasks:
                    results.append(_task(task))
                    advance()
        else:
            init = (str(renderer.template.source), str(renderer.guideline.source), renderer.options)
            # The platform's own start method (not forced to fork): a worker started afresh loads
            # the renderer in _init. The pool starts before the progress bar's refresh thread:
            # forking a process that runs threads can deadlock.
            with worker_pool(workers, _init, init, fork=False) as pool:
                with _progress(progress, len(tasks)) as advance:
                    chunk = max(1, len(tasks) // (workers * 8))
                    for result in pool.imap_unordered(_task, tasks, chunksize=chunk):
                        results.append(result)
                        advance()
    finally:
        _WORKER = None
    report = RenderReport(items=len(items))
    for _, written, problems, warnings, text_error in sorted(results, key=lambda r: r[0]):
        report.written.extend(written)
        report.failed.extend(problems)
        report.text_errors |= text_error
        report.warnings.extend(w for w in warnings if w not in report.warnings)
    return report


def render_file(template_name: str, data_path: str, guideline, out_dir: str | Path, *, sizes=("all",),
                options: Options = Options(), jobs: int = 0, progress: bool = False) -> RenderReport:
    """Render every item of a draft, YAML or CSV file into ``out_dir``."""
    from humaskit.outdir import check_out_dir
    from humaskit.render.data import load_items

    check_out_dir(Path(out_dir))
    renderer = Renderer.load(template_name, guideline, options)
    chosen = renderer.pick_sizes(list(sizes))
    items = load_items(data_path, renderer.template, guideline)
    return run_batch(renderer, items, chosen, Path(out_dir), jobs=jobs, progress=progress)


class _progress:
    """A rich progress bar on stderr (only when asked and useful); yields an ``advance`` callable."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.bar = None
        if enabled and total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("Merender"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("render", total=total)

    def __enter__(self):
        if self.bar is None:
            return lambda: None
        self.bar.start()
        return lambda: self.bar.advance(self.task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
