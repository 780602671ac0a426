#!/usr/bin/env python3
"""Fault test of pressroom's replicas on a three-server NATS JetStream cluster (loopback).

What it does, in one run:
  1. starts three nats-servers (JetStream, clustered) and publishes SOURCES to the log (R3);
  2. starts two replicas (`pressroom serve --follow`), waits until both are ready;
  3. for DURATION seconds: CONNECTIONS threads search, spread over both replicas, with the
     domain-dev queries; meanwhile WRITES writes (upserts of new releases, and deletes of some
     of them) go in through both replicas, one at a time, each retried until acknowledged;
  4. at a third of the run: `kill -9` the NATS server leading the log stream, and replica B;
     restarts both KILLED_FOR seconds later;
  5. when the writes are done: waits until both replicas hold every acknowledged write and
     no acknowledged delete, and times it; compares totals and facet counts of both.

Prints a JSON report: writes acknowledged, writes lost (must be 0), deletes resurrected (must
be 0), searches answered and failed per replica (the surviving replica must fail none),
time to converge, and whether both replicas agree. Exit status 1 on any loss.

  python3 scripts/replica_faults.py --binary target/release/pressroom \
      --sources corpus ../shared/corpus/seed --duration 45 --connections 24 --writes 1000

With --no-faults it only publishes, starts both replicas and compares them on every query
(convergence of a whole corpus: --sources ../shared/corpus/seed ../shared/corpus/trove-refugees
../shared/corpus/reliefweb ../shared/corpus/reuters21578).
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

KEY = "fault-test-key"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, root, size=3):
        self.root = root
        self.ports = [free_port() for _ in range(size)]
        self.cluster_ports = [free_port() for _ in range(size)]
        self.monitor_ports = [free_port() for _ in range(size)]
        self.procs = [None] * size
        for node in range(size):
            self.start(node)

    def start(self, node):
        data = os.path.join(self.root, f"nats{node}")
        os.makedirs(data, exist_ok=True)
        routes = ",".join(f"nats://127.0.0.1:{p}" for p in self.cluster_ports)
        log = open(os.path.join(self.root, f"nats{node}.log"), "a")
        self.procs[node] = subprocess.Popen(
            ["nats-server", "-js", "-sd", data, "-n", f"n{node}", "-a", "127.0.0.1",
             "-p", str(self.ports[node]), "-m", str(self.monitor_ports[node]), "--cluster_name", "faults",
             "--cluster", f"nats://127.0.0.1:{self.cluster_ports[node]}", "--routes", routes],
            stdout=subprocess.DEVNULL, stderr=log)

    def kill(self, node):
        self.procs[node].send_signal(signal.SIGKILL)
        self.procs[node].wait()

    def stream_leader(self, stream="PRESSROOM_DOCS"):
        """The node leading the stream's Raft group (read from a server's /jsz), or 0."""
        for port in self.monitor_ports:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/jsz?accounts=true&streams=true", timeout=2) as r:
                    jsz = json.loads(r.read())
            except (OSError, ValueError):
                continue
            for account in jsz.get("account_details") or []:
                for detail in account.get("stream_detail") or []:
                    leader = (detail.get("cluster") or {}).get("leader")
                    if detail.get("name") == stream and leader:
                        return int(leader.lstrip("n"))
        return 0

    def urls(self):
        return ",".join(f"nats://127.0.0.1:{p}" for p in self.ports)

    def stop(self):
        for proc in self.procs:
            if proc and proc.poll() is None:
                proc.kill()
                proc.wait()


class Replica:
    def __init__(self, binary, root, name, urls):
        self.binary, self.name, self.urls = binary, name, urls
        self.index = os.path.join(root, name)
        self.log = os.path.join(root, f"{name}.log")
        self.port = free_port()
        self.proc = None
        self.start()

    def start(self):
        env = dict(os.environ, PRESSROOM_API_KEY=KEY, RUST_LOG=os.environ.get("RUST_LOG", "info,pressroom_replica=debug"))
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--addr", f"127.0.0.1:{self.port}", "--index", self.index,
             "--follow", self.urls, "--max-concurrent-searches", "64"],
            env=env, stdout=subprocess.DEVNULL, stderr=open(self.log, "a"))

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


def call(url, method="GET", body=None, timeout=15):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Bearer {KEY}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read() or b"null")
        except ValueError:
            return error.code, None
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
        return 0, str(error)


def wait_ready(replica, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        status, _ = call(replica.url("/ready"), timeout=2)
        if status == 200:
            return True
        time.sleep(0.2)
    return False


def load_queries(path):
    queries = []
    with open(path) as lines:
        for line in lines:
            item = json.loads(line)
            params = {"q": item.get("q", item.get("query", "")),
                      "facets": "region,country,topic,org,lang,year"}
            for key, values in (item.get("filters") or {}).items():
                params[key] = values if isinstance(values, str) else ",".join(values)
            queries.append(urllib.parse.urlencode(params))
    return queries


def summary(values):
    values = sorted(values)
    if not values:
        return None
    pick = lambda q: round(values[min(len(values) - 1, int(q * len(values)))], 3)
    return {"n": len(values), "median": pick(0.5), "p99": pick(0.99), "max": round(values[-1], 3)}


def compare(replicas, queries):
    """The queries whose total or facet counts differ between the replicas."""
    differ = []
    for query in queries:
        answers = [call(replica.url("/api/search?" + query))[1] for replica in replicas]
        if any(not isinstance(a, dict) or "total" not in a for a in answers) or \
                any((a["total"], a.get("facets")) != (answers[0]["total"], answers[0].get("facets")) for a in answers):
            differ.append(query)
    return differ


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="target/release/pressroom")
    parser.add_argument("--sources", nargs="+", default=["corpus"])
    parser.add_argument("--queries", default=os.path.join(os.environ.get("PRESSROOM_SHARED", "../shared"), "queries/domain-dev.jsonl"))
    parser.add_argument("--duration", type=float, default=45)
    parser.add_argument("--connections", type=int, default=24)
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--killed-for", type=float, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    parser.add_argument("--no-kill", action="store_true", help="the same load and writes, nothing killed (steady-state lag)")
    parser.add_argument("--no-faults", action="store_true", help="publish, start both replicas, compare them; no load, no kills")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    root = tempfile.mkdtemp(prefix="pressroom-faults-")
    cluster = Cluster(root)
    replicas = []
    report = {"folder": root}
    try:
        started = time.time()
        published = subprocess.run([binary, "publish", "--nats", cluster.urls(), "--log-replicas", "3", *args.sources],
                                   capture_output=True, text=True)
        if published.returncode != 0:
            sys.exit(f"publish failed: {published.stderr}")
        report["publish"] = published.stdout.strip()
        replicas = [Replica(binary, root, name, cluster.urls()) for name in ("a", "b")]
        for replica in replicas:
            if not wait_ready(replica):
                sys.exit(f"replica {replica.name} never got ready; see {replica.log}")
        report["bootstrap_seconds"] = round(time.time() - started, 1)
        queries = load_queries(args.queries) if os.path.exists(args.queries) else ["q=trafficking", "q=refugees", "q=migrants"]
        if args.no_faults:
            differ = compare(replicas, queries)
            report.update({"queries_compared": len(queries), "queries_that_differ": differ,
                           "documents": [call(r.url("/ready"))[1].get("documents") for r in replicas]})
            print(json.dumps(report, indent=2))
            sys.exit(1 if differ else 0)

        stop = threading.Event()
        down = {"b": False}
        searches = {"a": [0, 0], "b": [0, 0], "b_while_down": [0, 0]}
        lock = threading.Lock()

        def searcher(number):
            rng = random.Random(number)
            while not stop.is_set():
                replica = replicas[rng.randrange(2)]
                key = replica.name + ("_while_down" if replica.name == "b" and down["b"] else "")
                status, _ = call(replica.url("/api/search?" + rng.choice(queries)), timeout=10)
                with lock:
                    searches[key][0 if status == 200 else 1] += 1

        acknowledged = {}  # id -> "present" | "deleted"
        visibility = []  # seconds from a write's acknowledgement to its visibility on the other replica

        def watch_visible(replica, doc_id, since):
            while time.time() - since < 60:
                status, _ = call(replica.url(f"/api/documents/{urllib.parse.quote(doc_id, safe='')}"), timeout=5)
                if status == 200:
                    with lock:
                        visibility.append(time.time() - since)
                    return
                time.sleep(0.02)
        last_sequence = [0]  # the log sequence of the latest acknowledged write
        write_failures = {"attempts_failed": 0}

        def writer():
            rng = random.Random(7)
            written = []
            for number in range(args.writes):
                if written and rng.random() < 0.25:
                    doc_id = written.pop(rng.randrange(len(written)))
                    method, path, body, outcome = "DELETE", f"/api/documents/{urllib.parse.quote(doc_id, safe='')}", None, "deleted"
                else:
                    doc_id = f"fault:{number}"
                    body = {"id": doc_id, "title": f"Fault test release {number}",
                            "body": f"Release {number}: migrants and refugees received help in Libya and Niger."}
                    method, path, outcome = "POST", "/api/documents", "present"
                while True:
                    replica = replicas[number % 2]
                    if replica.name == "b" and down["b"]:
                        replica = replicas[0]
                    status, answer = call(replica.url(path), method=method, body=body, timeout=30)
                    if status == 200:
                        with lock:
                            acknowledged[doc_id] = outcome
                            last_sequence[0] = max(last_sequence[0], answer.get("sequence", 0))
                        if outcome == "present":
                            written.append(doc_id)
                            other = replicas[1 - replicas.index(replica)]
                            if number % 10 == 0 and not (other.name == "b" and down["b"]):
                                threading.Thread(target=watch_visible, args=(other, doc_id, time.time()), daemon=True).start()
                        break
                    write_failures["attempts_failed"] += 1
                    time.sleep(0.2)
                time.sleep(max(0.0, args.duration / args.writes * 0.5))

        threads = [threading.Thread(target=searcher, args=(n,), daemon=True) for n in range(args.connections)]
        for thread in threads:
            thread.start()
        write_thread = threading.Thread(target=writer)
        load_started = time.time()
        write_thread.start()
        time.sleep(args.duration / 3)
        if args.no_kill:
            time.sleep(max(0.0, args.duration - (time.time() - load_started)))
        leader = None if args.no_kill else cluster.stream_leader()
        if leader is not None:
            cluster.kill(leader)
            down["b"] = True
            replicas[1].kill()
            report["killed"] = {"nats_server": f"n{leader} (the stream's leader)", "replica": "b",
                                "at_seconds": round(time.time() - load_started, 1)}
            time.sleep(args.killed_for)
            cluster.start(leader)
            replicas[1].start()
            if not wait_ready(replicas[1]):
                sys.exit(f"replica b never got ready again; see {replicas[1].log}")
            down["b"] = False
        remaining = args.duration - (time.time() - load_started)
        if remaining > 0:
            time.sleep(remaining)
        stop.set()
        write_thread.join()
        for thread in threads:
            thread.join()
        writes_done = time.time()
        report["load_seconds"] = round(writes_done - load_started, 1)

        def missing(replica):
            wrong = []
            for doc_id, outcome in acknowledged.items():
                status, _ = call(replica.url(f"/api/documents/{urllib.parse.quote(doc_id, safe='')}"), timeout=5)
                if (outcome == "present" and status != 200) or (outcome == "deleted" and status != 404):
                    wrong.append((doc_id, outcome, status))
            return wrong

        def applied(replica):
            status, body = call(replica.url("/ready"), timeout=5)
            return body.get("sequence", 0) if status == 200 and isinstance(body, dict) else 0

        report["lag_at_end_of_writes"] = {replica.name: last_sequence[0] - applied(replica) for replica in replicas}
        # Converged: both replicas have applied the log up to the last acknowledged write.
        converged_after = None
        while time.time() - writes_done < 120:
            if all(applied(replica) >= last_sequence[0] for replica in replicas):
                converged_after = time.time() - writes_done
                break
            time.sleep(0.05)
        wrong = {replica.name: missing(replica) for replica in replicas}
        agree = not compare(replicas, queries)
        report.update({
            "writes_acknowledged": len(acknowledged),
            "upserts_acknowledged": sum(1 for o in acknowledged.values() if o == "present"),
            "deletes_acknowledged": sum(1 for o in acknowledged.values() if o == "deleted"),
            "write_attempts_refused_or_failed": write_failures["attempts_failed"],
            "writes_lost": sum(1 for items in wrong.values() for (_, outcome, _) in items if outcome == "present"),
            "deletes_resurrected": sum(1 for items in wrong.values() for (_, outcome, _) in items if outcome == "deleted"),
            "searches": {name: {"answered": ok, "failed": failed} for name, (ok, failed) in searches.items()},
            "visible_on_the_other_replica_seconds": summary(visibility),
            "converged_seconds_after_writes": None if converged_after is None else round(converged_after, 2),
            "replicas_agree_on_totals_and_facets": agree,
        })
        print(json.dumps(report, indent=2))
        lost = report["writes_lost"] + report["deletes_resurrected"]
        sys.exit(1 if lost or converged_after is None or searches["a"][1] else 0)
    finally:
        for replica in replicas:
            replica.stop()
        cluster.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
