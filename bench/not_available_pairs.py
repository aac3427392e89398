"""Paired latency of two NOT_AVAILABLE answers (docs/performance.md R8), standard library only.

An officer asks the requester node, which asks the holder node, about (a) a person the holder has
no record of and (b) a person the holder has on record whose country of origin is the requester's
(policy step 7). Both answers must be the same NOT_AVAILABLE body; this measures whether their
latencies differ. After a warm-up, PAIRS pairs are sent one request at a time on one keep-alive
connection; within each pair the order of the two kinds is drawn at random, and a random pause of
0-GAP ms separates requests, so that neither kind is favoured by its position or by periodic work
on the nodes. Every request carries its own case reference and justification (the reuse rule would
refuse one justification used for two people) and every "not on record" request names its own
unknown reference.

Prints the medians of both kinds, their difference with a 95 % bootstrap interval (pairs resampled:
how precise the difference is on a noisy machine), the Hodges-Lehmann estimate of the shift, a
two-sided Mann-Whitney U test (normal approximation with tie and continuity corrections; exact
enough at these sample sizes) and a two-sided exact sign test over the pairs; writes every latency
to --csv. Exit status 1 if any answer was not 200 NOT_AVAILABLE or the bodies' fields differ.
With --holder-times FILE it prints instead the same comparison of the holder's own times (lines
"internal_reason,ms" that bench/not-available-timing reads from the holder's database).
"""
import argparse
import http.client
import json
import math
import random
import statistics
import threading
import time
import urllib.parse
import uuid

KINDS = ("unknown", "origin")
JUSTIFICATION = ("The person was stopped at our border post with an identity document issued in Kazakhstan; "
                 "we must verify that document and his status before deciding under our case {}. "
                 "He names the village {}.")


def word(text):
    """A word of letters only, one per case: the reuse rule compares justifications with their numbers
    and case references taken out, so each request needs words of its own."""
    return "".join(chr(ord("a") + int(c)) if c.isdigit() else c for c in text.lower() if c.isalnum())


def body(kind, args, case_ref):
    ref = args.known_ref if kind == "origin" else f"{args.unknown_prefix}-{uuid.uuid4().hex[:10].upper()}"
    return json.dumps({
        "holderAgency": args.holder, "subject": {"holderRecordRef": ref}, "purpose": args.purpose,
        "legalBasis": "AGREEMENT", "requesterCaseRef": case_ref, "justification": JUSTIFICATION.format(case_ref, word(case_ref)),
        "categories": ["IDENTITY", "CASE_STATUS"]}).encode()


class Client:
    def __init__(self, args, tag):
        self.url = urllib.parse.urlparse(args.url)
        self.args = args
        self.tag = tag
        self.count = 0
        self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)

    def ask(self, kind):
        """One request; returns (seconds, status, parsed answer or raw bytes)."""
        self.count += 1
        case_ref = f"{self.args.case_prefix}-{self.tag}-{self.count:06d}"
        payload = body(kind, self.args, case_ref)
        headers = {"Authorization": "Bearer " + self.args.token, "Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            self.connection.request("POST", self.url.path, body=payload, headers=headers)
            response = self.connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)
            raise
        elapsed = time.perf_counter() - started
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = raw[:80]
        return elapsed, response.status, answer


def check(kind, status, answer, problems, shapes):
    if status != 200 or not isinstance(answer, dict) or answer.get("outcome") != "NOT_AVAILABLE":
        problems.append(f"{kind}: {status} {answer if not isinstance(answer, dict) else answer.get('code') or answer.get('outcome')}")
        return
    shapes[kind].add(tuple(sorted(answer)))


def warm_up(args, problems, shapes):
    """WARMUP seconds of both kinds alternating, from THREADS closed-loop clients at once."""
    deadline = time.monotonic() + args.warmup

    def loop(tag):
        client = Client(args, tag)
        i = 0
        while time.monotonic() < deadline:
            kind = KINDS[i % 2]
            i += 1
            _, status, answer = client.ask(kind)
            check(kind, status, answer, problems, shapes)

    threads = [threading.Thread(target=loop, args=(f"W{t}",)) for t in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def ranks(values):
    """Average ranks (1-based) of values, and the tie term sum(t^3 - t) over groups of equal values."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    ties = 0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    return result, ties


def mann_whitney(x, y):
    """Two-sided Mann-Whitney U test: (U of x, z, p), normal approximation, tie- and continuity-corrected."""
    n1, n2 = len(x), len(y)
    n = n1 + n2
    r, ties = ranks(list(x) + list(y))
    u1 = sum(r[:n1]) - n1 * (n1 + 1) / 2
    mean = n1 * n2 / 2
    variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    if variance == 0:
        return u1, 0.0, 1.0
    z = (abs(u1 - mean) - 0.5) / math.sqrt(variance)
    z = max(z, 0.0)
    return u1, math.copysign(z, u1 - mean), min(1.0, math.erfc(z / math.sqrt(2)))


def sign_test(differences):
    """Two-sided exact sign test: (positives, negatives, p); zero differences are dropped."""
    pos = sum(1 for d in differences if d > 0)
    neg = sum(1 for d in differences if d < 0)
    n = pos + neg
    if n == 0:
        return pos, neg, 1.0
    k = min(pos, neg)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return pos, neg, min(1.0, 2 * tail)


def hodges_lehmann(x, y):
    """Median of all differences x_i - y_j: the shift estimate that goes with the U test."""
    return statistics.median(a - b for a in x for b in y)


def bootstrap_interval(by_pair, rounds, rng):
    """95 % percentile interval of the difference of medians (origin - not on record), pairs resampled."""
    pairs = list(by_pair.values())
    estimates = []
    for _ in range(rounds):
        sample = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        estimates.append(statistics.median(p["origin"] for p in sample)
                         - statistics.median(p["unknown"] for p in sample))
    estimates.sort()
    return estimates[int(0.025 * rounds)], estimates[int(0.975 * rounds) - 1]


def holder_times(path):
    """The holder's own time per answer (lines "internal_reason,ms" from its database), by kind."""
    kinds = {"no_match": "unknown", "country_of_origin_on_record": "origin"}
    times = {k: [] for k in KINDS}
    with open(path) as lines:
        for line in lines:
            reason, ms = line.strip().split(",")
            times[kinds[reason]].append(float(ms))
    unknown, origin = times["unknown"], times["origin"]
    if len(unknown) < 2 or len(origin) < 2:
        raise SystemExit(f"holder times: too few rows in {path}")
    _, z, p = mann_whitney(origin, unknown)
    print(f"holder only (envelope received -> decision logged, {len(unknown)} + {len(origin)} answers):"
          f" medians {statistics.median(unknown):.3f} / {statistics.median(origin):.3f} ms, difference"
          f" {statistics.median(origin) - statistics.median(unknown):+.3f} ms, Hodges-Lehmann"
          f" {hodges_lehmann(origin, unknown):+.3f} ms, Mann-Whitney p = {p:.4g}")


def main():
    parser = argparse.ArgumentParser()
    if "--holder-times" in __import__("sys").argv:
        parser.add_argument("--holder-times", required=True)
        holder_times(parser.parse_args().holder_times)
        return
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--holder", default="KZ-MIGRATION")
    parser.add_argument("--known-ref", default="KZ-2026-000131")
    parser.add_argument("--unknown-prefix", default="KZ-2026-NR")
    parser.add_argument("--purpose", default="DOCUMENT_VERIFICATION")
    parser.add_argument("--case-prefix", default="TJ-MIA-R8-" + uuid.uuid4().hex[:6].upper())
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--warmup", type=float, default=60, help="seconds of warm-up")
    parser.add_argument("--threads", type=int, default=4, help="warm-up clients")
    parser.add_argument("--gap", type=float, default=5, help="largest random pause between requests, ms")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--csv", default=None)
    parser.add_argument("--bootstrap", type=int, default=2000, help="resamples for the interval of the difference")
    args = parser.parse_args()

    problems, shapes = [], {k: set() for k in KINDS}
    warm_up(args, problems, shapes)
    rng = random.Random(args.seed)
    client = Client(args, "M")
    rows, times = [], {k: [] for k in KINDS}
    for pair in range(args.pairs):
        order = list(KINDS)
        rng.shuffle(order)
        for position, kind in enumerate(order):
            time.sleep(rng.uniform(0, args.gap) / 1000)
            elapsed, status, answer = client.ask(kind)
            check(kind, status, answer, problems, shapes)
            times[kind].append(elapsed * 1000)
            rows.append((pair, position, kind, elapsed * 1000))
    if args.csv:
        with open(args.csv, "w") as out:
            out.write("pair,position,kind,ms\n")
            out.writelines(f"{p},{pos},{k},{ms:.4f}\n" for p, pos, k, ms in rows)

    unknown, origin = times["unknown"], times["origin"]
    by_pair = {}
    for p, _, k, ms in rows:
        by_pair.setdefault(p, {})[k] = ms
    differences = [v["origin"] - v["unknown"] for v in by_pair.values()]
    u, z, p_u = mann_whitney(origin, unknown)
    pos, neg, p_sign = sign_test(differences)
    m_unknown, m_origin = statistics.median(unknown), statistics.median(origin)
    q = lambda xs: statistics.quantiles(xs, n=4)
    print(f"pairs {args.pairs} (after {args.warmup:.0f} s of warm-up), one request at a time, order drawn per pair")
    for name, xs in (("not on record", unknown), ("country of origin", origin)):
        quart = q(xs)
        print(f"  {name:18s} median {statistics.median(xs):7.3f} ms  quartiles {quart[0]:.3f} / {quart[2]:.3f} ms"
              f"  mean {statistics.fmean(xs):.3f} ms  max {max(xs):.1f} ms")
    diff = m_origin - m_unknown
    low, high = bootstrap_interval(by_pair, args.bootstrap, random.Random(1))
    print(f"difference of medians (origin - not on record): {diff:+.3f} ms (95 % bootstrap interval"
          f" {low:+.3f} .. {high:+.3f} ms); Hodges-Lehmann shift {hodges_lehmann(origin, unknown):+.3f} ms")
    print(f"Mann-Whitney U {u:.0f} of {len(origin) * len(unknown)} (z {z:+.2f}), two-sided p = {p_u:.4g}")
    print(f"sign test over pairs: origin slower in {pos}, faster in {neg}, two-sided p = {p_sign:.4g}")
    met = abs(diff) < 0.5 and p_u >= 0.01
    print(f"target (|difference| < 0.5 ms and p >= 0.01): {'met' if met else 'NOT met'}")
    if shapes["unknown"] != shapes["origin"] or len(shapes["unknown"]) > 1:
        problems.append(f"answer fields differ: {shapes}")
    if problems:
        print(f"FAILED: {len(problems)} bad answer(s), e.g. {problems[:3]}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
