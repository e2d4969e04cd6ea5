"""The `validator` command: check one ad, list the catalogue, and the sub-commands of other parts
(train/evaluate, batch, serve) registered through their `register(subparsers)` functions."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from validator import __version__
from validator.errors import EXIT_CODES, UsageError, ValidatorError
from validator.indicators.i18n import AUTO, ui_languages
from validator.ingest.text import decode_bytes

# modules that add sub-commands; a module that is not there yet is skipped
PLUGINS = ("validator.model.commands", "validator.evaluation.commands", "validator.batch.commands", "webapp.commands")


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"no such file: {path}")
    return p.read_bytes()


def cmd_check(args: argparse.Namespace) -> int:
    if args.language is None:
        from validator.language import preload

        preload()  # the language model loads while the rest is imported
    from validator import assess
    from validator.report import render_text

    sources = [s for s in (args.text, args.file, args.html, args.url) if s is not None]
    if len(sources) > 1:
        raise UsageError("give one of TEXT, --file, --html or --url")
    if args.url is not None:
        assessment = assess(url=args.url, language=args.language)
    elif args.html is not None:
        assessment = assess(html=_read_bytes(args.html), language=args.language)
    else:
        if args.file is not None:
            text = decode_bytes(_read_bytes(args.file), f"file {args.file}")
        elif args.text in (None, "-"):
            if args.text is None and sys.stdin.isatty():
                raise UsageError("give the ad as TEXT, '-' (stdin), --file, --html or --url")
            text = decode_bytes(_read_bytes("-"), "standard input")
        else:
            text = args.text
        assessment = assess(text, language=args.language)
    if args.json:
        if args.ui_language:  # the JSON keeps English unless a wording language is asked for
            from validator.indicators.i18n import localise_assessment

            localise_assessment(assessment, args.ui_language)
        json.dump(assessment.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:  # the report speaks the ad's language unless told otherwise
        color = sys.stdout.isatty() and not args.no_color
        sys.stdout.write(render_text(assessment, color=color, ui_language=args.ui_language or AUTO))
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    from validator.indicators import catalogue

    entries = [ind.describe() for ind in catalogue()]
    if args.json:
        json.dump(entries, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for e in entries:
        sys.stdout.write(f"{e['id']:<40} {e['family']:<22} {e['title']}\n")
    sys.stdout.write(f"\n{len(entries)} indicators\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    exit_help = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    parser = argparse.ArgumentParser(
        prog="validator",
        description="Check a job ad for the warning signs of fraudulent or trafficking-linked recruitment.",
        epilog=f"exit codes:\n{exit_help}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"validator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="assess one job ad and explain the result")
    check.add_argument("text", nargs="?", help="the ad's text, or '-' to read standard input")
    check.add_argument("--file", "-f", help="a UTF-8 text file holding the ad")
    check.add_argument("--html", help="an HTML file of the ad's page")
    check.add_argument("--url", help="the ad's web address (fetched safely)")
    check.add_argument("--language", "-l", help="the ad's language (ISO 639-1), instead of detecting it")
    check.add_argument(
        "--ui-language",
        type=str.lower,
        choices=(*ui_languages(), AUTO),
        metavar="CODE",
        help=f"language of the report, its explanations, advice and warnings: one of {', '.join(ui_languages())}"
        " (default and 'auto': the ad's language, English when the ad's language has no wording; with --json"
        " the default is English); quotes stay as written",
    )
    check.add_argument("--json", action="store_true", help="print the Assessment JSON")
    check.add_argument("--no-color", action="store_true", help="no terminal colours")
    check.set_defaults(func=cmd_check)

    ind = sub.add_parser("indicators", help="list the warning signs the tool looks for")
    ind.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    ind.set_defaults(func=cmd_indicators)

    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ValidatorError as exc:
        print(f"validator: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("validator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
