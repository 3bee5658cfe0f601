"""What the commands share: error handling, common options, the progress bar, summaries."""

from __future__ import annotations

import contextlib
import functools
import inspect
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from .. import (
    DEFAULT_NOTICE,
    FIRSTS,
    LAYOUTS,
    LINE_CONVENTIONS,
    PAPERS,
    PDF_VARIANT_NAMES,
    SEVERITIES,
    Document,
    Engine,
    EngineOptions,
    Issue,
    Progress,
    ToolkitError,
    TranslationMemory,
    default_memory_path,
    engine_entries,
    engine_names,
    make_engine,
    render_options_from_names,
)

if TYPE_CHECKING:
    from .. import Glossary

__all__ = [
    "FILE",
    "FROM_OPTION",
    "LANG_CHOICE",
    "PATH",
    "EngineChoice",
    "TranslationSetup",
    "choice_option",
    "echo_qa_summary",
    "echo_summary",
    "engine_name_option",
    "engine_options",
    "glossary_files_option",
    "glossary_option",
    "handle_errors",
    "lines_option",
    "load_glossary_option",
    "marking_options",
    "memory_option",
    "output_option",
    "progress_bar",
    "render_options",
    "translation_options",
]

F = TypeVar("F", bound=Callable[..., Any])

LANG_CHOICE = click.Choice(["de", "ja"])
FROM_OPTION = click.option(
    "--from", "source_lang", type=LANG_CHOICE, default=None, help="Source language."
)


def handle_errors(func: F) -> F:
    """Turn a ToolkitError into one clear line and exit code 1 (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ToolkitError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


FILE = click.Path(dir_okay=False, path_type=Path)  # a file to read or write (not a folder)
PATH = click.Path(path_type=Path)  # checked by the reader, which names the fix


def output_option(help: str, *, multiple: bool = False, required: bool = False) -> Callable[[F], F]:
    """Return the -o/--output option (a file; repeatable with `multiple`)."""
    name = ("outputs",) if multiple else ()
    return click.option(
        "-o", "--output", *name, type=FILE, multiple=multiple, required=required, help=help
    )


def choice_option(name: str, choices: Sequence[str], help: str) -> Callable[[F], F]:
    """Return an option taking one of `choices` (the first is the default, shown in --help)."""
    return click.option(
        name, type=click.Choice(list(choices)), default=choices[0], show_default=True, help=help
    )


def memory_option(func: F) -> F:
    """Add the --memory option."""
    help = "Translation memory file (SQLite). Default: $DEJAKIT_MEMORY or the user data dir."
    return click.option("--memory", "memory_path", type=FILE, default=None, help=help)(func)


def glossary_option(func: F) -> F:
    """Add --glossary / --no-glossary."""
    func = click.option(
        "--no-glossary", is_flag=True, help="Don't hold the translation to any glossary."
    )(func)
    return glossary_files_option(func)


def glossary_files_option(func: F) -> F:
    """Add --glossary (repeatable): the files, or by default every shipped glossary."""
    help = "Glossary TOML file (repeatable). Default: every glossary shipped with dejakit."
    return click.option("--glossary", "glossary_files", type=FILE, multiple=True, help=help)(func)


def load_glossary_option(glossary_files: tuple[Path, ...], no_glossary: bool) -> Glossary | None:
    """Return the glossary the options name: the given files, none, or the shipped ones."""
    if no_glossary:
        return None
    from .. import default_glossary, load_glossaries

    return load_glossaries(glossary_files) if glossary_files else default_glossary()


@dataclass(frozen=True)
class TranslationSetup:
    """What a translating command is given: the memory file, the engine and the glossary."""

    memory_path: Path | None
    engine: EngineChoice
    glossary_files: tuple[Path, ...]
    no_glossary: bool

    @functools.cached_property
    def glossary(self) -> Glossary | None:
        """Return the glossary the options name (loaded on first use, inside the command)."""
        return load_glossary_option(self.glossary_files, self.no_glossary)

    def memory(self, *, create: bool = True) -> TranslationMemory:
        """Return the translation memory the options name (to use in a ``with`` block)."""
        return TranslationMemory(self.memory_path or default_memory_path(), create=create)


def translation_options(func: F) -> F:
    """Add --memory, --engine with the model settings, and --glossary / --no-glossary.

    The command gets them as one `setup: TranslationSetup`.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["setup"] = TranslationSetup(
            kwargs.pop("memory_path"),
            kwargs.pop("engine"),
            kwargs.pop("glossary_files"),
            kwargs.pop("no_glossary"),
        )
        return func(*args, **kwargs)

    return memory_option(engine_options(glossary_option(cast(F, wrapper))))


class _EngineChoice(click.Choice):  # type: ignore[type-arg]
    """The registered engine names, read when the option is parsed (engines may be added)."""

    def __init__(self) -> None:
        super().__init__(engine_names())

    @property
    def choices(self) -> tuple[str, ...]:
        return engine_names()

    @choices.setter
    def choices(self, value: object) -> None:
        pass


def engine_name_option(help: str) -> Callable[[F], F]:
    """Return --engine: one of the registered engines' names, "auto" by default."""
    return click.option(
        "--engine", type=_EngineChoice(), default="auto", show_default=True, help=help
    )


def engine_options(func: F) -> F:
    """Add --engine and the model settings; the command gets them as `engine: EngineChoice`."""
    options = [
        engine_name_option(
            "After the memory: " + "; ".join(f"{e.name} = {e.help}" for e in engine_entries()) + "."
        ),
        click.option(
            "--server",
            envvar="DEJAKIT_LIBRETRANSLATE_URL",
            default=None,
            help="LibreTranslate server URL for --engine libretranslate "
            "[env: DEJAKIT_LIBRETRANSLATE_URL].",
        ),
        click.option(
            "--api-key",
            envvar="DEJAKIT_LIBRETRANSLATE_KEY",
            default="",
            help="API key for the LibreTranslate server [env: DEJAKIT_LIBRETRANSLATE_KEY].",
        ),
        click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True),
        click.option(
            "--device",
            type=click.Choice(["auto", "cpu", "cuda"]),
            default="auto",
            show_default=True,
            help="Where the models run (auto: CUDA when available).",
        ),
        click.option(
            "--compute-type",
            default="auto",
            show_default=True,
            help="CTranslate2 compute type (auto: int8 on CPU, int8_float16 on CUDA).",
        ),
        click.option(
            "--threads",
            type=click.IntRange(0, 256),
            default=0,
            show_default=True,
            help="CPU threads per translation (0: all cores).",
        ),
    ]
    return _bundle(func, options, "engine", _engine_choice)


@dataclass(frozen=True, slots=True)
class EngineChoice:
    """The engine the command-line options name (--engine) and the settings they give it."""

    name: str = "auto"
    options: EngineOptions = field(default_factory=EngineOptions)

    def make(self, source: str, target: str, *, quiet: bool) -> Engine | None:
        """Return the engine for `source`→`target`, or None for memory-only translation."""
        made = make_engine(self.name, source, target, self.options)
        if made is None and self.name == "auto" and not quiet:
            click.echo(
                f"note: no Argos models for {source}→{target}; translating from memory only "
                "(dejakit models list)",
                err=True,
            )
        return made


def _engine_choice(
    *,
    engine: str,
    server: str | None,
    api_key: str,
    beam_size: int,
    device: str,
    compute_type: str,
    threads: int,
) -> EngineChoice:
    options = EngineOptions(beam_size, device, compute_type, threads, server, api_key)
    return EngineChoice(engine, options)


def marking_options(where: str, example: str) -> Callable[[F], F]:
    """Return a decorator adding --notice and --classification, the markings of `where`."""

    def add(func: F) -> F:
        for option in reversed(_markings(where, example)):
            func = option(func)
        return func

    return add


def _markings(where: str, example: str) -> list[Callable[[F], F]]:
    """Return --notice (the footer line) and --classification (top and bottom) for `where`."""
    return [
        click.option(
            "--notice",
            default=DEFAULT_NOTICE,
            show_default=True,
            help=f"Footer line on {where} ('' for none).",
        ),
        click.option(
            "--classification",
            default="",
            help=f"Marking at the top and bottom of {where}, e.g. '{example}'.",
        ),
    ]


def render_options(func: F) -> F:
    """Add the handout options (--layout, --first, --paper, --landscape, --pivot-column, …).

    The command gets them as one `render: RenderOptions`, built once here.
    """
    options = [
        click.option(
            "--layout",
            type=click.Choice(LAYOUTS),
            default="side-by-side",
            show_default=True,
            help="side-by-side: columns row by row; interleaved: each paragraph, then its "
            "translation; target-only: the translation alone.",
        ),
        click.option(
            "--first",
            type=click.Choice(FIRSTS),
            default="source",
            show_default=True,
            help="Which language comes first (left column / first paragraph).",
        ),
        click.option(
            "--paper", type=click.Choice(PAPERS), default="a4", show_default=True, help="Paper."
        ),
        click.option("--landscape", is_flag=True, help="Landscape pages (default: portrait)."),
        click.option(
            "--pivot-column",
            is_flag=True,
            help="Add the English pivot text (for interpreters) where the engine made one.",
        ),
        *_markings("every page", "VS – NUR FÜR DEN DIENSTGEBRAUCH"),
        click.option(
            "--pdf-variant",
            type=click.Choice(list(PDF_VARIANT_NAMES)),
            default="ua",
            show_default=True,
            help="ua: tagged PDF/UA-1 (accessible); a3u: archival PDF/A-3u; none: plain PDF.",
        ),
        click.option("--author", default="", help="Issuer named in the document metadata."),
        click.option(
            "--keep-furniture",
            is_flag=True,
            help="Also print site furniture read with the text (breadcrumbs, site labels, photo "
            "credits); it is always kept in .json output.",
        ),
    ]
    return _bundle(func, options, "render", render_options_from_names)


def _bundle(
    func: F, options: Sequence[Callable[[Any], Any]], name: str, build: Callable[..., object]
) -> F:
    """Add `options` to the command `func`, which receives them built into one argument `name`.

    `build` takes the options' values as keyword arguments (its parameters name them).
    """
    keys = tuple(inspect.signature(build).parameters)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs[name] = handle_errors(build)(**{key: kwargs.pop(key) for key in keys})
        return func(*args, **kwargs)

    command = cast(F, wrapper)
    for option in reversed(options):
        command = option(command)
    return command


def lines_option(func: F) -> F:
    """Add --lines: what a single line break in a plain text means."""
    return click.option(
        "--lines",
        type=click.Choice(LINE_CONVENTIONS),
        default="auto",
        show_default=True,
        help="Plain text: wrapped = a single line break is a hard wrap inside a paragraph; "
        "paragraphs = one paragraph per line (text copied from a web page); auto = decide per "
        "document.",
    )(func)


@contextlib.contextmanager
def progress_bar(quiet: bool, label: str) -> Iterator[Progress | None]:
    """Yield a progress callback drawing a bar on a terminal; None when quiet or piped."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} seg/s" if task.speed else "")

    bar = RichProgress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield update


def echo_summary(doc: Document, outputs: tuple[Path, ...]) -> None:
    """Print the segment counts by origin and the files written."""
    from .. import summarize_document

    counts = summarize_document(doc)
    status = Counter(s.status for s in doc.segments())
    parts = [
        f"{n} {label}"
        for n, label in (
            (status["approved"], "from memory (approved)"),
            (status["memory"], "from memory"),
            (status["fuzzy"], "fuzzy suggestions"),
            (status["machine"] - counts["verbatim"], "machine-translated"),
            (counts["verbatim"], "copied verbatim"),
        )
        if n
    ]
    parts.append(f"{status['untranslated']} untranslated")
    click.echo(f"{doc.source_name}: {counts['total']} segments: " + ", ".join(parts))
    if counts["untranslated"]:
        click.echo(
            "  untranslated segments are marked in the output; add approved translations "
            "(dejakit memory import FILE.tmx) or install Argos models (dejakit doctor)"
        )
    checks = Counter(c.status for s in doc.segments() for c in s.checks)
    if checks:
        click.echo(
            "  glossary and protected items: "
            + ", ".join(f"{checks.get(k, 0)} {k}" for k in ("verified", "enforced", "violated"))
        )
    for output in outputs:
        click.echo(f"  wrote {output}")


def echo_qa_summary(issues: Sequence[Issue], source: Path) -> None:
    """Print the QA counts by severity and where to see the details."""
    counts = Counter(i.severity for i in issues)
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in SEVERITIES)
    click.echo(f"  QA: {parts}" + (f" (details: dejakit qa {source} …)" if issues else ""))
