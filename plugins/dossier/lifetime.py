"""Child processes end with the build: a killed build leaves no worker or Pagefind behind."""

from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """In a child process (a pool initializer or a preexec_fn): be killed when the parent dies.

    Linux only (prctl); elsewhere a child outlives a killed parent as before. The parent may have died
    before this runs: then the child leaves at once."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent or parent == 1:
        os._exit(1)
