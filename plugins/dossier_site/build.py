"""Build the site into a staging folder and swap it into place only when the build succeeded.

A failed build (an exception, or a problem with a seed under --strict) leaves the previous site intact.
One build at a time writes an output folder (a lock beside it); the swap is one atomic exchange of
the two folders where the system has it (Linux), so `output/` is never missing, even after a crash.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import glob
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pelican
from pelican import signals

from .destination import Refused, check_replaceable, output_folder

AT_FDCWD, RENAME_EXCHANGE = -100, 2  # linux/fcntl.h, linux/fs.h
LOCKED = 75  # the exit status when another build holds the lock: sysexits.h's EX_TEMPFAIL, "try again later"
REMADE = ("theme",)  # folders of the site written anew by every build


def build(
    settings_file: str = "pelican.conf.py",
    output: str | None = None,
    strict: bool = False,
    quiet: bool = False,
) -> int:
    """Run Pelican into a staging folder, then replace the output folder with it; returns an exit status
    (130 when interrupted). `output` defaults to the settings' OUTPUT_PATH."""
    try:
        output = output or _settings_output(settings_file)
        target = output_folder(output, settings_file)
    except Refused as refusal:
        print(f"dossier: {refusal}", file=sys.stderr)
        return 2
    except SystemExit as stop:  # the settings file refused to load and said why (publishconf.py)
        return stop.code if isinstance(stop.code, int) else 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path(target), "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            print(
                f"dossier: another build ({holder}) is writing {target.name}/ in this folder; "
                f"nothing was changed: run this one again when it has finished",
                file=sys.stderr,
            )
            return LOCKED
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            check_replaceable(target)
        except Refused as refusal:
            print(f"dossier: {refusal}", file=sys.stderr)
            return 2
        with _interruptible() as interrupted:
            try:
                return _build(settings_file, target, strict, quiet, interrupted)
            except KeyboardInterrupt:  # outside Pelican's own catch: the staging folder is removed below
                interrupted.set()
                return _interrupted(target)
        # the lock ends with the file, or the process


def lock_path(target: Path) -> Path:
    """The file a build of `target` holds locked while it writes (beside the folder, never in it)."""
    return target.with_name(f".{target.name}.lock")


def _settings_output(settings_file: str) -> str:
    """OUTPUT_PATH of the settings file, from the file's folder as Pelican reads it ("output" without)."""
    from pelican.settings import get_settings_from_file

    try:
        output = get_settings_from_file(settings_file).get("OUTPUT_PATH") or "output"
    except Exception as error:
        raise Refused(f"cannot read the settings file {settings_file}: {error}") from error
    return os.path.join(os.path.dirname(os.path.abspath(settings_file)), output)


@contextmanager
def _interruptible():
    """Ctrl-C (SIGINT) during the build: remembered, then raised as usual. Pelican catches the
    KeyboardInterrupt and returns as if the build had ended, and a worker process may die of it and
    be reported as a failed seed: the flag tells the build not to publish what it has."""
    interrupted = threading.Event()
    if not _main_thread():
        yield interrupted
        return

    def on_interrupt(signum, frame):
        interrupted.set()
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def _main_thread() -> bool:
    """Signal handlers can be set only there (a test may call build() from another thread)."""
    return threading.current_thread() is threading.main_thread()


def _build(settings_file: str, target: Path, strict: bool, quiet: bool, interrupted: threading.Event) -> int:
    _remove_leftovers(target)
    staging = _new_folder(target, "new")
    Staging.start(target, staging)
    args = ["-s", settings_file, "-o", str(staging)] + (["-q"] if quiet else [])
    problems = []

    def keep_problems(generator) -> None:  # handed over in this process: dossier.json is not read back
        if generator.context.get("dossier") is not None:
            problems[:] = generator.context["dossier"].dossier.problems

    signals.article_generator_finalized.connect(keep_problems)
    failed = False
    try:
        pelican.main(args)
    except SystemExit as stop:
        failed = bool(stop.code)
    finally:
        signals.article_generator_finalized.disconnect(keep_problems)
        # a build that stopped before its writer existed: the links are done before any removal
        Staging.wait()
    if interrupted.is_set():
        return _interrupted(target, staging)
    if failed:
        return _fail(staging, f"the build failed; {target.name}/ was left as it was")
    if not (staging / "index.html").exists():
        return _fail(staging, f"the build wrote no index.html; {target.name}/ was left as it was")
    if strict and problems:
        return _fail(
            staging,
            f"strict: {len(problems)} problem(s) with the seeds (listed above); "
            f"{target.name}/ was left as it was",
        )
    if target.is_dir():  # the site keeps the permissions its owner gave it
        staging.chmod(stat.S_IMODE(target.stat().st_mode))
    if interrupted.is_set():
        return _interrupted(target, staging)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    try:  # the swap is not interrupted half-way
        _swap(staging, target)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return 0


class Staging:
    """The hard links of the previous site are made in a thread while the dossier is computed (a link
    is a system call that holds no lock Python needs); the writer waits for them before it reads the
    manifest or writes a file (writer.py)."""

    thread: threading.Thread | None = None
    error: BaseException | None = None

    @classmethod
    def start(cls, site: Path, staging: Path) -> None:
        def run() -> None:
            try:
                link_tree(site, staging)
            except BaseException as error:  # handed to the build's own thread by wait()
                cls.error = error

        cls.error = None
        cls.thread = threading.Thread(target=run, name="dossier-staging", daemon=True)
        cls.thread.start()

    @classmethod
    def wait(cls) -> None:
        """Return when the staging folder holds the previous site (at once when no build started it)."""
        thread, cls.thread = cls.thread, None
        if thread is not None and thread.ident is not None:  # a Ctrl-C can come between Thread() and start()
            thread.join()
        error, cls.error = cls.error, None
        if error is not None:
            raise error


def link_tree(site: Path, staging: Path) -> None:
    """Stage the next site as hard links to the previous one: a page that did not change is neither
    rendered nor copied (writer.py replaces files by renames, so the previous site is never touched).
    The theme's files are copied again by Pelican."""
    if not site.is_dir():
        return
    for folder, dirs, names in os.walk(site):
        relative = Path(folder).relative_to(site)
        if relative == Path("."):
            dirs[:] = [d for d in dirs if d not in REMADE]
        (staging / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.link(Path(folder) / name, staging / relative / name, follow_symlinks=False)


def _swap(staging: Path, target: Path) -> None:
    """Put the new site in place: one atomic exchange of the two folders, then the old one removed."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    if not _exchange(staging, target):  # no renameat2 here: two renames, with a moment without output/
        old = _new_folder(target, "old")
        os.rename(target, old / target.name)
        os.rename(staging, target)
        staging = old
    _remove(staging, "the previous site")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _new_folder(target: Path, kind: str) -> Path:
    """An empty folder beside `target` with a name of its own (a leftover that cannot be removed never
    blocks the next build), readable as `target` would be (mkdtemp makes it private)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{target.name}.{kind}-", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def _remove_leftovers(target: Path) -> None:
    """Staging and old folders that a killed build left (we hold the lock: no build is using them)."""
    for pattern in (f"{glob.escape(target.name)}.new*", f"{glob.escape(target.name)}.old*"):
        for leftover in target.parent.glob(pattern):
            _remove(leftover, "a folder left by an interrupted build")


def _remove(folder: Path, what: str) -> None:
    """Remove a folder; when that fails, say which and why (the build itself succeeded)."""
    failures = []
    shutil.rmtree(folder, onerror=lambda _, path, info: failures.append(f"{path}: {info[1]}"))
    if failures:
        print(
            f"dossier: warning: {what}, {folder}, could not be removed ({failures[0]}); remove it by hand",
            file=sys.stderr,
        )


def _fail(staging: Path, message: str) -> int:
    _remove(staging, "the staging folder of this failed build")
    print(f"dossier: {message}", file=sys.stderr)
    return 1


def _interrupted(target: Path, staging: Path | None = None) -> int:
    """Remove what the interrupted build staged (a second Ctrl-C does not stop that: a leftover is
    removed by the next build anyway) and exit as a shell does for SIGINT."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    try:
        Staging.wait()
        for folder in [staging] if staging else target.parent.glob(f"{glob.escape(target.name)}.new*"):
            _remove(folder, "the staging folder of this interrupted build")
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    print(f"dossier: interrupted; {target.name}/ was left as it was", file=sys.stderr)
    return 130
