"""Where the per-seed analysis runs: in this process, in worker processes of this machine, or on a Dask
cluster (`dossier build --scheduler ADDRESS`).

Every engine maps a batch function (a list of jobs in, one result or `Failed` per job out) over the
jobs cut into batches, and hands each batch's results back as soon as it is done, so the caller can
cache them and move the progress bar; the results are the same whichever engine made them. A job that
raises is `Failed` (guarded inside the batch function); a job that kills the process running it (out
of memory, a crash in C) is found by running the rest one at a time, and named.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ..language import nlp
from ..lifetime import die_with_parent
from ..model import Problem
from .cache import code_version

PARALLEL_MIN_JOBS = 64  # fewer seeds to analyse than this are done in this process: workers cost a start-up
MAX_WORKERS = 8
BATCH = 16  # seeds a task analyses together: the model reads their text in one stream (nlp.parse_many),
# a finished batch is cached at once, and an interrupted build loses at most a batch per worker
SCHEDULER_VARIABLE = "DOSSIER_SCHEDULER"  # the scheduler's address, when a build is given one
CONNECT_SECONDS = 30  # waiting for a Dask scheduler that does not answer
logger = logging.getLogger(__name__)

Batched = Callable[[list], list]  # a list of jobs -> a result or Failed for each


class EngineError(RuntimeError):
    """The cluster cannot be used: says which address and what to do."""


@dataclass
class Failed:
    """A job that raised: what it raised, and where (the traceback)."""

    error: str
    traceback: str

    def problem(self, path: str, step: str) -> Problem:
        """The seed's problem for /problems/; the traceback goes to the log, for whoever fixes the bug."""
        message = f"could not be {step}, skipped: {self.error} (a bug: the traceback is in the build log)"
        logger.error("dossier: %s: %s\n%s", path, message, self.traceback)
        return Problem(path, message)


KILLED = Failed("the process analysing it died (out of memory?)", "no traceback: killed")


def guarded(function, job):
    """`function(job)`, or Failed: one seed's error must not stop the build of the others."""
    try:
        return function(job)
    except nlp.ModelError:  # not the seed's fault: every seed would fail alike
        raise
    except Exception as error:  # noqa: BLE001 (any bug in a stage, on any text)
        return Failed(f"{type(error).__name__}: {error}"[:300], traceback.format_exc())


def each(function, jobs: list) -> list:
    """A batch function made of a function of one job: each job guarded on its own."""
    return [guarded(function, job) for job in jobs]


def batches(count: int, size: int) -> list[range]:
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


class Local:
    """This machine: one process when there is little to do, else a pool of worker processes (one per
    core) that die with this process, even when it is killed."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or min(os.cpu_count() or 1, MAX_WORKERS)

    def map(self, function: Batched, jobs: list, size: int = BATCH) -> Iterator[tuple[int, object]]:
        """(position, result) of every job, a batch at a time as batches finish."""
        if len(jobs) < PARALLEL_MIN_JOBS or self.workers < 2:
            for positions in batches(len(jobs), size):
                yield from zip(positions, function([jobs[p] for p in positions]))
            return
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        )
        left, finished = list(range(len(jobs))), set()
        alone = False  # after a worker died: one job at a time, to find the job that kills its worker
        while left:
            groups = [[left[i] for i in r] for r in batches(len(left), 1 if alone else size)]
            try:
                with ProcessPoolExecutor(
                    1 if alone else self.workers, mp_context=context, initializer=die_with_parent
                ) as pool:
                    pending = {pool.submit(function, [jobs[p] for p in group]): group for group in groups}
                    while pending:
                        done, _ = wait(pending, return_when=FIRST_COMPLETED)
                        for future in done:
                            group = pending.pop(future)
                            yield from zip(group, future.result())
                            finished.update(group)
                left = []
            except BrokenProcessPool:  # killed (out of memory?) or crashed in C: not an exception to catch
                left = [p for p in left if p not in finished]
                if alone:
                    killer = left[0]  # alone, jobs run in order: the first not done killed its worker
                    yield killer, KILLED
                    left = left[1:]
                else:
                    logger.warning("dossier: a worker process died; looking for the seed that killed it")
                alone = not alone


class Cluster:
    """A Dask cluster (`distributed`): the batches are tasks its workers run; each worker process loads
    the model once and keeps it (nlp.load is cached per process). The workers must run the same code
    and model as this process: a cache entry's key names them, so results made by other code would be
    wrong under it; that is checked before any work is sent."""

    def __init__(self, address: str, model: str = nlp.DEFAULT_MODEL):
        self.address, self.model = address, model

    def map(self, function: Batched, jobs: list, size: int = BATCH) -> Iterator[tuple[int, object]]:
        try:
            from distributed import Client, as_completed
        except ImportError as error:  # pragma: no cover - distributed is a dependency of the project
            raise EngineError(f"--scheduler needs `distributed` ({error}): pip install -e .") from error
        try:
            client = Client(self.address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as error:
            raise EngineError(
                f"cannot reach the Dask scheduler at {self.address} ({error}): start one with "
                f"`dask scheduler` and give its address (tcp://HOST:8786)"
            ) from error
        with client:
            self._check_workers(client)
            groups = [list(r) for r in batches(len(jobs), size)]
            futures = {
                client.submit(function, [jobs[p] for p in group], pure=False): group for group in groups
            }
            for future in as_completed(futures):
                group = futures.pop(future)
                if future.status == "finished":
                    yield from zip(group, future.result())
                    continue
                error = future.exception()
                if isinstance(error, nlp.ModelError):
                    raise error
                yield from self._one_by_one(client, function, [(p, jobs[p]) for p in group], error)

    def _one_by_one(self, client, function, jobs: list, error: BaseException) -> Iterator[tuple[int, object]]:
        """A batch whose task failed (its worker died, most likely): each job again on its own, so only
        the one that kills its worker is lost."""
        logger.warning("dossier: a task failed on the cluster (%s); its seeds are retried one by one", error)
        for position, job in jobs:
            future = client.submit(function, [job], pure=False)
            try:
                yield position, future.result()[0]
            except nlp.ModelError:
                raise
            except Exception as failure:  # noqa: BLE001 (the scheduler gave up on it: KilledWorker)
                yield position, Failed(f"{type(failure).__name__}: {failure}"[:300], "on the cluster")

    def _check_workers(self, client) -> None:
        try:
            versions = client.run(_versions, self.model)
        except ModuleNotFoundError as error:
            raise EngineError(
                f"the Dask workers at {self.address} cannot import the project ({error}): install it on "
                f"each worker (pip install -e .) or start them with PYTHONPATH=plugins"
            ) from error
        if not versions:
            raise EngineError(f"the Dask scheduler at {self.address} has no workers: start `dask worker`")
        ours = _versions(self.model)
        others = sorted(worker for worker, version in versions.items() if version != ours)
        if others:
            raise EngineError(
                f"the Dask workers {', '.join(others)} run other code or another model than this build "
                f"(code {ours[0]}, {ours[1]}; they have {versions[others[0]]}): install the same commit "
                f"and model on every worker"
            )


def _versions(model: str) -> tuple[str, str]:
    """What a worker's results depend on besides their input: the core's code and the model."""
    return code_version(), nlp.version(model)


Engine = Local | Cluster


def engine_for(scheduler: str | None, model: str = nlp.DEFAULT_MODEL) -> Engine:
    return Cluster(scheduler, model) if scheduler else Local()
