"""Any number of processes may open a new store at once: schema creation takes a lock (SQLite: an
immediate transaction and a busy timeout; PostgreSQL: an advisory lock), and each then finds the
schema made."""

import multiprocessing as mp

from newsgraph.store import Store

PROCESSES = 6


def _open(url: str, barrier, results) -> None:
    barrier.wait()  # every process opens the new store at the same moment
    try:
        with Store(url) as store:
            results.put(("ok", store.count()))
    except Exception as exc:  # the test reports what failed
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def test_processes_opening_a_new_store_at_once_all_succeed(db_url):
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [ctx.Process(target=_open, args=(db_url, barrier, results)) for _ in range(PROCESSES)]
    for p in procs:
        p.start()
    got = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert got == [("ok", 0)] * PROCESSES, got
    # and the schema is whole: one row in alembic's version table
    with Store(db_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar_one() == 1
