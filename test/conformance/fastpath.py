#!/usr/bin/python3
"""Conformance with OONI's own pipeline: `tekser export --ooni` fed through OONI's fastpath.

Builds stored runs from the golden replays in test/golden/ (re-analysed by today's tekser), from
OONI's messenger measurements in test/fixtures/ooni/ (read by `tekser analyze`) and from the tekser
runs in test/conformance/runs/ (messengers in a shutdown, by hand: the goldens have no messengers),
exports each with `tekser export --ooni`, and runs
OONI's `process_measurement` and `score_measurement` (ooni/backend fastpath/fastpath/core.py,
unchanged) on every exported measurement. Prints, per measurement: stored or why not, OONI's scores,
tekser's verdict, and whether they agree; then a summary.

OONI's code is read from a snapshot given on the command line and never copied into this
repository: an ooni/backend checkout, or a bare git directory (read with `git show HEAD:...`).
Only its I/O is stubbed: the ClickHouse database (an upsert that records what would be stored; no
block-page fingerprints, which live in that database), statsd metrics, the S3 and HTTP feeders.

Not part of `npm test`. Needs `npm run build` and Debian's python3-ujson, python3-packaging and
python3-yaml (fastpath's own dependencies).

    npm run conformance:fastpath -- /path/to/ooni-backend [--unknown-network] [--json]

--unknown-network exports the runs as a run without a known network is exported (ZZ/AS0);
by default each run carries the documentation network AS64496 in KZ.
"""

import argparse
import datetime as dt
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import types
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEKSER = [os.environ.get("NODE", "node"), str(ROOT / "bin/tekser")]
KNOWN_NETWORK = {"asn": "AS64496", "country": "KZ"}
FASTPATH_FILES = ("fastpath/fastpath/core.py", "fastpath/fastpath/utils.py")


# ——— OONI's fastpath, loaded from the snapshot with its I/O stubbed ———


def read_snapshot(backend: Path, path: str) -> str:
    if (backend / path).is_file():
        return (backend / path).read_text()
    git_dir = backend if (backend / "HEAD").is_file() else backend / ".git"
    r = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"fastpath: cannot read {path} from {backend}: {r.stderr.strip()}")
    return r.stdout


def snapshot_commit(backend: Path) -> str:
    git_dir = backend if (backend / "HEAD").is_file() else backend / ".git"
    r = subprocess.run(["git", "--git-dir", str(git_dir), "log", "-1", "--format=%h %cs"], capture_output=True, text=True)
    return r.stdout.strip() or "unknown commit"


class Metrics:
    """statsd stand-in: timers as decorators and as start/stop objects, counters as no-ops."""

    def timer(self, _name):
        class Timer:
            def __call__(self, fn):
                return fn

            def start(self):
                return self

            def stop(self):
                return None

        return Timer()

    def incr(self, *_a, **_k):
        pass

    decr = gauge = incr


class Store:
    """ClickHouse stand-in: keeps what process_measurement would have stored."""

    def __init__(self):
        self.rows = []

    def clickhouse_upsert_summary(self, measurement, scores, anomaly, confirmed, failure, *rest, **kw):
        self.rows.append({"scores": scores, "anomaly": anomaly, "confirmed": confirmed, "failure": failure})

    def clickhouse_upsert_openvpn_obs(self, *_a, **_k):
        pass

    def setup_clickhouse(self, *_a, **_k):
        pass

    def fetch_fingerprints(self):
        return [], []


def load_fastpath(backend: Path, store: Store):
    tmp = Path(tempfile.mkdtemp(prefix="tekser-fastpath-"))
    pkg = tmp / "fastpath"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for path in FASTPATH_FILES:
        (pkg / Path(path).name).write_text(read_snapshot(backend, path))
    sys.path.insert(0, str(tmp))
    import fastpath  # the package directory just written: OONI's core.py and utils.py only

    stubs = {
        "db": store,
        "metrics": types.SimpleNamespace(setup_metrics=lambda **_k: Metrics()),
        "s3feeder": types.SimpleNamespace(),
        "localhttpfeeder": types.SimpleNamespace(start_http_api=lambda *_a: None),
    }
    for name, stub in stubs.items():
        module = types.ModuleType(f"fastpath.{name}")
        for attr in dir(stub):
            if not attr.startswith("__"):
                setattr(module, attr, getattr(stub, attr))
        sys.modules[f"fastpath.{name}"] = module
        setattr(fastpath, name, module)
    import fastpath.core as core

    core.conf = Namespace(no_write_to_db=False, write_to_disk=False)
    return core


class Captured(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


# ——— tekser: runs built from the goldens, exported ———


def tekser(*args: str) -> str:
    r = subprocess.run([*TEKSER, *args], capture_output=True, text=True, cwd=ROOT)
    if r.returncode not in (0, 1):
        sys.exit(f"fastpath: tekser {' '.join(args)} exited {r.returncode}: {r.stderr.strip()}")
    return r.stdout


def scenarios():
    """(name, file of measurements tekser analyze reads): the goldens, then messenger runs."""
    for d in sorted((ROOT / "test/golden").iterdir()):
        if (d / "measurement.json").is_file():
            yield d.name, d / "measurement.json"
    # Messengers: OONI's own measurements of them (test fixtures, written from the spec), read by
    # tekser analyze, and tekser runs kept beside this script (a shutdown, by hand).
    for name in ("whatsapp", "telegram", "signal", "facebook_messenger"):
        yield f"ooni-fixture-{name}", ROOT / f"test/fixtures/ooni/{name}.json"
    for f in sorted((ROOT / "test/conformance/runs").glob("*.jsonl")):
        yield f.stem, f


def store_run(data_dir: Path, name: str, index: int, results: list, network: dict) -> str:
    run_id = f"20261201T{index:06d}Z-{hashlib.sha256(name.encode()).hexdigest()[:4]}"
    d = data_dir / "runs" / run_id
    d.mkdir(parents=True)
    (d / "measurements.jsonl").write_text("".join(json.dumps(r) + "\n" for r in results))
    started = results[0]["measurement"]["startedAt"] if results else "2026-12-01T00:00:00.000Z"
    record = {
        "schema": "tekser/run-record/v1",
        "id": run_id,
        "status": "complete",
        "startedAt": started,
        "finishedAt": started,
        "tekserVersion": "0.1.0",
        "pid": 1,
        "lists": [],
        "settings": {},
        "network": network,
        "targets": len(results),
        "measured": len(results),
        "summary": None,
        "findings": None,
    }
    (d / "run.json").write_text(json.dumps(record))
    return run_id


def exported(network: dict):
    """Yields (scenario, tekser result, OONI measurement line) for every target of every scenario."""
    data_dir = Path(tempfile.mkdtemp(prefix="tekser-fastpath-data-"))
    for i, (name, source) in enumerate(scenarios()):
        out = tekser("analyze", str(source), "--format", "jsonl", "--include-bodies")
        results = [json.loads(line) for line in out.splitlines() if line.strip()]
        results = [r for r in results if r.get("type") != "run-summary"]
        run_id = store_run(data_dir, name, i, results, network)
        lines = [line for line in tekser("export", "--ooni", run_id, "--data-dir", str(data_dir)).splitlines() if line.strip()]
        if len(lines) != len(results):
            sys.exit(f"fastpath: {name}: {len(results)} results but {len(lines)} exported measurements")
        yield from ((name, r, line) for r, line in zip(results, lines))


# ——— one measurement through the fastpath ———


def measurement_uid(m: dict, line: str) -> str:
    # As the API names it on upload; uploaded a minute after it was measured (fastpath flags
    # measurements received more than a year after they were made).
    start = dt.datetime.strptime(m["measurement_start_time"], "%Y-%m-%d %H:%M:%S") + dt.timedelta(minutes=1)
    digest = hashlib.sha512(line.encode()).hexdigest()[:16]
    return f"{start:%Y%m%d%H%M%S.%f}_{m.get('probe_cc', 'ZZ')}_{m['test_name'].replace('_', '')}_{digest}"


def through_fastpath(core, store: Store, captured: Captured, line: str) -> dict:
    m = json.loads(line)
    store.rows.clear()
    captured.records.clear()
    core.process_measurement((line.encode(), None, measurement_uid(m, line)))
    if store.rows:
        return {"stored": True, **store.rows[0]}
    errors = [r for r in captured.records if r.levelno >= logging.ERROR]
    if errors:
        exc = errors[0].exc_info[1] if errors[0].exc_info else None
        why = f"crashed: {type(exc).__name__} {exc}".strip() if exc else errors[0].getMessage()
        return {"stored": False, "why": why}
    ignored = [r.getMessage() for r in captured.records if r.getMessage().startswith("Ignoring")]
    return {"stored": False, "why": ignored[0] if ignored else "not stored (no reason logged)"}


# ——— tekser's verdict against OONI's scores ———

# Messenger keys that say "reachable", and the tekser check each one speaks for.
OK_KEYS = {
    "whatsapp": {"whatsapp_endpoints_status": ("ok", "endpoints"), "registration_server_status": ("ok", "registration"), "whatsapp_web_status": ("ok", "web")},
    "telegram": {"telegram_tcp_blocking": (False, "datacenters"), "telegram_http_blocking": (False, "datacenters"), "telegram_web_status": ("ok", "web")},
    "signal": {"signal_backend_status": ("ok", "backend")},
    "facebook_messenger": {"facebook_dns_blocking": (False, "dns"), "facebook_tcp_blocking": (False, "tcp")},
}


def ooni_class(fp: dict) -> str:
    if not fp["stored"]:
        return "dropped"
    if fp["failure"]:
        return "not confident"
    if fp["confirmed"]:
        return "confirmed"
    return "anomaly" if fp["anomaly"] else "clean"


EXPECTED = {"blocked": "anomaly", "partially blocked": "anomaly", "accessible": "clean", "down": "clean", "inconclusive": "not confident"}


def agreement(verdict: str, ooni: str) -> str:
    if ooni == "dropped":
        return "dropped"
    if verdict in ("blocked", "partially blocked") and ooni == "confirmed":
        return "yes"
    return "yes" if EXPECTED[verdict] == ooni else "no"


def false_ok_claims(m: dict, verdict: dict) -> list:
    """Messenger keys saying "ok"/false where tekser did not find that part of the service reachable."""
    tk = m.get("test_keys") or {}
    checks = {c["id"]: c["status"] for c in verdict.get("checks") or []}
    claims = []
    for key, (ok, check) in OK_KEYS.get(m["test_name"], {}).items():
        status = checks.get(check, verdict["status"])
        if key == "telegram_tcp_blocking" and status != "accessible":
            # false means "TCP connected to a data centre", true to tekser when a later step failed.
            method = next((c["method"] for c in verdict.get("checks") or [] if c["id"] == check), verdict["method"])
            status = "accessible" if method not in (None, "tcp_ip", "dns") else status
        if key in tk and tk[key] == ok and status != "accessible":
            claims.append(key)
    return claims


def row(core, store, captured, scenario: str, result: dict, line: str) -> dict:
    m = json.loads(line)
    fp = through_fastpath(core, store, captured, line)
    verdict = result["verdict"]["status"]
    ooni = ooni_class(fp)
    scores = fp.get("scores") or {}
    return {
        "scenario": scenario,
        "test_name": m["test_name"],
        "input": m.get("input") or result["target"]["url"],
        "stored": fp["stored"],
        "why": fp.get("why"),
        "ooni": ooni,
        "blocking_general": scores.get("blocking_general"),
        "accuracy": scores.get("accuracy", 1.0) if fp["stored"] else None,
        "tekser": f"{verdict} {result['verdict']['method']}" if result["verdict"]["method"] else verdict,
        "agree": agreement(verdict, ooni),
        "false_ok": false_ok_claims(m, result["verdict"]),
        "report_id": m.get("report_id"),
        "compared": m["test_name"] == "web_connectivity" and (m.get("test_keys") or {}).get("status_code_match") is not None,
        "control_in_queries": any("control" in (q.get("tags") or []) for q in (m.get("test_keys") or {}).get("queries") or []),
        "control_failure": (m.get("test_keys") or {}).get("control_failure"),
    }


def summary(rows: list) -> str:
    def n(pred):
        return sum(1 for r in rows if pred(r))

    web = [r for r in rows if r["test_name"] == "web_connectivity"]
    msg = [r for r in rows if r["test_name"] != "web_connectivity"]
    lines = [
        f"{len(rows)} measurements: {n(lambda r: r['stored'])} stored, {n(lambda r: not r['stored'])} not stored",
    ]
    whys = {}
    for r in rows:
        if not r["stored"]:
            whys[r["why"]] = whys.get(r["why"], 0) + 1
    lines += [f"  not stored, {k}: {v}" for k, v in sorted(whys.items(), key=lambda kv: -kv[1])]
    for label, part in (("web_connectivity", web), ("messengers", msg)):
        stored = [r for r in part if r["stored"]]
        agree = sum(1 for r in stored if r["agree"] == "yes")
        lines.append(f"{label}: {len(part)} exported, {len(stored)} stored, {agree} of {len(stored)} stored agree with tekser's verdict class")
        classes = {}
        for r in stored:
            key = (r["tekser"].split(" ")[0] if not r["tekser"].startswith("partially") else "partially blocked", r["ooni"])
            classes[key] = classes.get(key, 0) + 1
        lines += [f"  tekser {k[0]:<18} → OONI {k[1]:<14} {v}" for k, v in sorted(classes.items())]
    lines.append(f"messenger keys claiming ok/false where tekser's verdict is not accessible: {n(lambda r: r['false_ok'])}")
    lines.append(f"empty report_id: {n(lambda r: not r['report_id'])}")
    lines.append(f"web_connectivity with the comparison fields filled (status_code_match not null): {n(lambda r: r['compared'])} of {len(web)}")
    lines.append(f"control lookups among the probe's queries: {n(lambda r: r['control_in_queries'])}; control_failure set: {n(lambda r: r['control_failure'])}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("backend", type=Path, help="ooni/backend checkout or bare git directory")
    ap.add_argument("--unknown-network", action="store_true", help="export as runs without a known network (ZZ/AS0)")
    ap.add_argument("--json", action="store_true", help="print the per-measurement rows as JSON")
    args = ap.parse_args()
    if not (ROOT / "dist").is_dir():
        sys.exit("fastpath: run `npm run build` first (bin/tekser runs dist/)")
    store = Store()
    captured = Captured()
    core = load_fastpath(args.backend, store)
    logging.getLogger("fastpath").addHandler(captured)
    logging.getLogger("fastpath").setLevel(logging.DEBUG)
    logging.getLogger("fastpath").propagate = False
    network = {"asn": None, "country": None} if args.unknown_network else KNOWN_NETWORK
    rows = [row(core, store, captured, *x) for x in exported(network)]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"OONI fastpath from {args.backend} ({snapshot_commit(args.backend)}); network {network['asn']} {network['country']}")
        print(f"{'SCENARIO':<36}{'TEST':<18}{'INPUT':<32}{'FASTPATH':<28}{'TEKSER':<26}AGREE")
        for r in rows:
            fp = r["ooni"] if r["stored"] else f"dropped: {r['why']}"[:27]
            extra = f"  ok-claims: {','.join(r['false_ok'])}" if r["false_ok"] else ""
            print(f"{r['scenario'][:35]:<36}{r['test_name'][:17]:<18}{r['input'][:31]:<32}{fp:<28}{r['tekser'][:25]:<26}{r['agree']}{extra}")
        print()
    print(summary(rows))


if __name__ == "__main__":
    main()
