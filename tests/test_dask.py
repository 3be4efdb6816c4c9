"""vbhc.dask on a real distributed cluster (LocalCluster, worker processes on loopback): the bag holds the
same records as parse_many, failures included, and the dataframe one row per document."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("pandas")
distributed = pytest.importorskip("dask.distributed")

import helpers_batch  # noqa: E402
import vbhc.dask  # noqa: E402
from vbhc.batch import parse_many  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    shutil.copytree(FIXTURES / "real", root)
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    (root / "seeds" / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return root


def strip(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "seconds"} for r in records]


def test_bag_has_the_records_of_parse_many(client: Any, folder: Path) -> None:
    bag = vbhc.dask.bag(folder, partition_size=4)
    assert bag.npartitions == 5
    records = bag.compute()
    expected = [r.model_dump(mode="json") for r in parse_many(folder, workers=2, progress=False)]
    assert len(records) == 17 and strip(records) == strip(expected)
    assert [r["path"] for r in records if not r["ok"]] == [str(folder / "seeds" / "broken.pdf")]
    workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert vbhc.dask.bag(folder).filter(lambda r: not r["ok"]).pluck("error").pluck("code").compute() == [
        "unreadable"]


def test_dataframe_has_a_row_per_document(client: Any, folder: Path) -> None:
    frame = vbhc.dask.dataframe(folder, npartitions=3)
    assert frame.npartitions == 3
    table = frame.compute()
    local = vbhc.dask.documents_frame(list(parse_many(folder, workers=0, progress=False)))
    assert list(table.columns) == list(local.columns) == list(vbhc.dask.documents_frame([]).columns)
    assert sorted(table["path"]) == sorted(local["path"]) and len(table) >= 16


def test_a_hang_or_a_crash_on_the_cluster_costs_that_file_only(client: Any, tmp_path: Path) -> None:
    names = ["a.txt", "crash.txt", "hang.txt", "z.txt"]
    for name in names:
        shutil.copy(FIXTURES / "seeds" / "000_b9edc395e283ea20.txt", tmp_path / name)
    records = vbhc.dask.bag(tmp_path, timeout=1.5, partition_size=2,
                            _parse=helpers_batch.misbehaving_parse).compute()
    assert [(Path(r["path"]).name, r["error"] and r["error"]["code"]) for r in records] == [
        ("a.txt", None), ("crash.txt", "crashed"), ("hang.txt", "timeout"), ("z.txt", None)]


def test_an_empty_source_gives_an_empty_bag(client: Any, tmp_path: Path) -> None:
    assert vbhc.dask.bag(tmp_path).compute() == []
