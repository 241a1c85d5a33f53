#!/usr/bin/env python3
"""A local stand-in for a SpaceTraders-shaped HTTP API, for the collector's tests.

Prints the port it listens on (127.0.0.1) as its first line, then serves until killed.
Every request is logged, with the server's own monotonic time, as a JSON line in --log;
for each answer with a JSON body the log also holds the SHA-256 of its canonical form as
seed 000's canonical_json/sha256_hex compute it.

Routes:
  /                 {"status": ..., "resetDate": A}; B from the (--reset-after+1)th call on
  /my/agent         an agent with an integer beyond 64 bits and 1.50 as a float
  /my/ships         --ships ships, paged by page/limit with meta.total
  /flaky            500 twice, then 200 (per path)
  /limited          429 with Retry-After: 1 once, then 200
  /slow             answers after 3 s
  /html             502 with an HTML page
  /empty            204, no body
"""
import argparse
import hashlib
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
COUNTS = {}


def canonical_json(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle and delayed ACKs
        # add 40 ms to every answer on a kept-alive connection.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def answer(self, status, body, content_type="application/json", headers=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        return data

    def do_GET(self):
        at = time.monotonic()
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        with LOCK:
            COUNTS[url.path] = COUNTS.get(url.path, 0) + 1
            n = COUNTS[url.path]
        args = self.server.args
        status, body, headers, ctype = 200, None, {}, "application/json"
        if url.path == "/":
            date = args.reset_a if n <= args.reset_after else args.reset_b
            body = '{"status": "SpaceTraders is running", "resetDate": "%s", "stats": {"agents": 3}}' % date
        elif url.path == "/my/agent":
            body = ('{"data": {"symbol": "AGENT-1", "headquarters": "X1-DF55-A1", "credits": 175000,'
                    ' "big": 123456789012345678901234567890, "ratio": 1.50, "name": "\u00e9t\u00e9 caf\\u00e9"}}')
        elif url.path == "/my/ships":
            page = int(query.get("page", ["1"])[0])
            limit = int(query.get("limit", ["20"])[0])
            ships = [{"symbol": "AGENT-1-%d" % i, "fuel": {"current": i * 7 % 400, "capacity": 400}}
                     for i in range(1, args.ships + 1)]
            chunk = ships[(page - 1) * limit:page * limit]
            body = json.dumps({"data": chunk, "meta": {"total": len(ships), "page": page, "limit": limit}},
                              indent=1)
        elif url.path == "/flaky":
            if n <= 2:
                status, body = 500, '{"error": {"message": "try again", "code": 500}}'
            else:
                body = '{"data": {"ok": true}}'
        elif url.path == "/limited":
            if n == 1:
                status, headers = 429, {"Retry-After": "1"}
                body = '{"error": {"message": "rate limited", "code": 429}}'
            else:
                body = '{"data": {"ok": true}}'
        elif url.path == "/slow":
            time.sleep(3)
            body = '{"data": "late"}'
        elif url.path == "/html":
            status, ctype = 502, "text/html"
            body = "<html><body>Bad gateway</body></html>"
        elif url.path == "/empty":
            status, body = 204, ""
        else:
            status, body = 404, '{"error": {"message": "no such route", "code": 404}}'
        try:
            data = self.answer(status, body, ctype, headers)
        except (BrokenPipeError, ConnectionResetError):
            data = b""
        entry = {"t": at, "path": url.path, "query": url.query, "status": status,
                 "auth": self.headers.get("Authorization", "")}
        try:
            entry["hash"] = hashlib.sha256(
                canonical_json(json.loads(data.decode("utf-8"))).encode("utf-8")).hexdigest()
        except ValueError:
            pass
        with LOCK:
            with open(args.log, "a") as f:
                f.write(json.dumps(entry) + "\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--log", required=True)
    p.add_argument("--ships", type=int, default=53)
    p.add_argument("--reset-a", default="2025-01-06")
    p.add_argument("--reset-b", default="2025-01-13")
    p.add_argument("--reset-after", type=int, default=1000000)
    args = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.args = args
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
