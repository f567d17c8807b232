"""A tiny authoritative DNS server for TXT records, on loopback, for the DNS tests.

It answers over UDP and TCP on the same random port, as a real nameserver does:
UDP answers too large for the client's buffer come back truncated (TC), and the
client asks again over TCP.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading

import dns.exception
import dns.flags
import dns.message
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset
from dns.rdtypes.ANY.TXT import TXT


def parse_zone_lines(lines: list[str]) -> dict[str, list[list[bytes]]]:
    """Read ``NAME TXT "a" "b"`` lines (as records.py prints them) into a zone."""
    zone: dict[str, list[list[bytes]]] = {}
    for line in lines:
        name, kind, rest = line.split(None, 2)
        assert kind == "TXT", line
        rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, rest)
        zone.setdefault(name.rstrip(".").lower(), []).append(list(rdata.strings))
    return zone


class DnsServer:
    """Serve ``zone`` ({name: [[string, ...], ...]}) until closed; use as a context manager."""

    def __init__(self, zone: dict[str, list[list[bytes]]] | None = None) -> None:
        self.zone = zone if zone is not None else {}
        self.queries: list[tuple[str, str]] = []  # (transport, name)

    def add(self, name: str, *values: str | list[str]) -> None:
        """Add a TXT record at ``name``; a list value gives its strings one by one."""
        for value in values:
            strings = [value] if isinstance(value, str) else value
            self.zone.setdefault(name.lower(), []).append([s.encode() for s in strings])

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def answer(self, wire: bytes, transport: str) -> bytes:
        query = dns.message.from_wire(wire)
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        name = question.name.to_text(omit_final_dot=True).lower()
        self.queries.append((transport, name))
        if name in self.zone:
            if question.rdtype == dns.rdatatype.TXT:
                rdatas = [
                    TXT(dns.rdataclass.IN, dns.rdatatype.TXT, strings)
                    for strings in self.zone[name]
                ]
                response.answer.append(dns.rrset.from_rdata_list(question.name, 300, rdatas))
        elif not any(known.endswith("." + name) for known in self.zone):
            response.set_rcode(dns.rcode.NXDOMAIN)
        if transport == "udp":
            limit = max(512, query.payload if query.edns >= 0 else 512)
            try:
                return response.to_wire(max_size=limit)
            except dns.exception.TooBig:
                response.answer.clear()
                response.flags |= dns.flags.TC
        return response.to_wire()

    def __enter__(self) -> DnsServer:
        server = self

        class Udp(socketserver.BaseRequestHandler):
            def handle(self):
                data, sock = self.request
                sock.sendto(server.answer(data, "udp"), self.client_address)

        class Tcp(socketserver.BaseRequestHandler):
            def handle(self):
                header = self.request.recv(2)
                if len(header) < 2:
                    return
                (length,) = struct.unpack("!H", header)
                data = b""
                while len(data) < length:
                    chunk = self.request.recv(length - len(data))
                    if not chunk:
                        return
                    data += chunk
                reply = server.answer(data, "tcp")
                self.request.sendall(struct.pack("!H", len(reply)) + reply)

        for _attempt in range(20):
            udp = socketserver.ThreadingUDPServer(("127.0.0.1", 0), Udp)
            self.port = udp.server_address[1]
            try:
                tcp = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Tcp)
            except OSError:
                udp.server_close()  # TCP port taken: try another
                continue
            break
        else:
            raise OSError("no free port for both UDP and TCP")
        self._servers = [udp, tcp]
        for srv in self._servers:
            srv.daemon_threads = True
            threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        for srv in self._servers:
            srv.shutdown()
            srv.server_close()


def free_port() -> int:
    """Return a loopback port with nothing listening on it (for "no answer" tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
