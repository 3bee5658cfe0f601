"""Long jobs (translating, building a pack) in background threads, with progress and cancel.

A job's function receives a progress callback ``(done, total)``; once the job is cancelled the
next call raises `JobCancelled`, which ends the job between two batches without storing a
half-finished result. The page polls the job's state (JSON) or, without JavaScript, reloads.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import ToolkitError

__all__ = ["Job", "JobCancelled", "JobRunner", "JobState"]

LOGGER = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed", "cancelled"]
Progress = Callable[[int, int], None]


class JobCancelled(Exception):
    """The user cancelled the job."""


@dataclass
class Job:
    """One background job and what it has reported so far."""

    id: str
    kind: str
    owner: str  # the document or pack the job belongs to
    state: JobState = "queued"
    done: int = 0
    total: int = 0
    error: str = ""
    result: Any = None
    started: float = field(default_factory=time.monotonic)
    cancel_event: threading.Event = field(default_factory=threading.Event)

    @property
    def finished(self) -> bool:
        """Return whether the job has ended, one way or another."""
        return self.state in ("done", "failed", "cancelled")

    def progress(self, done: int, total: int) -> None:
        """Record progress; raise `JobCancelled` once the job is cancelled."""
        if self.cancel_event.is_set():
            raise JobCancelled
        self.done, self.total = done, total

    def to_dict(self) -> dict[str, object]:
        """Return the state the page polls for."""
        return {
            "id": self.id,
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "error": self.error,
        }


class JobRunner:
    """Run jobs on a small pool of threads (translation already uses every core)."""

    def __init__(self, workers: int = 2, *, keep: int = 500) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dejakit-job")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self.keep = keep  # finished jobs remembered (their results hold whole documents)

    def submit(self, kind: str, owner: str, work: Callable[[Progress], Any]) -> Job:
        """Start `work(progress)` as a job and return it at once."""
        job = Job(id=secrets.token_hex(16), kind=kind, owner=owner)
        with self._lock:
            self._jobs[job.id] = job
            finished = [j for j in self._jobs.values() if j.finished]  # oldest first
            for old in finished[: max(0, len(finished) - self.keep)]:
                del self._jobs[old.id]
        self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        """Return the job `job_id`, or None."""
        with self._lock:
            return self._jobs.get(job_id)

    def cancel(self, job_id: str) -> bool:
        """Ask job `job_id` to stop; return whether such a job was still running."""
        job = self.get(job_id)
        if job is None or job.finished:
            return False
        job.cancel_event.set()
        if job.state == "queued":
            job.state = "cancelled"
        return True

    def shutdown(self) -> None:
        """Cancel every job and wait for the threads to end."""
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel_event.set()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, work: Callable[[Progress], Any]) -> None:
        if job.cancel_event.is_set():
            job.state = "cancelled"
            return
        job.state = "running"
        try:
            result = work(job.progress)
            if job.cancel_event.is_set():
                raise JobCancelled
        except JobCancelled:
            job.state = "cancelled"
        except ToolkitError as exc:
            LOGGER.info("job %s failed: %r", job.id, exc)
            job.error = str(exc) or type(exc).__name__
            job.state = "failed"
        except Exception as exc:  # a bug: keep the server up, show it, log the traceback
            LOGGER.exception("job %s failed", job.id)
            job.error = f"internal error ({type(exc).__name__}); see the server log"
            job.state = "failed"
        else:
            job.result = result
            job.state = "done"
