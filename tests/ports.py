"""A free loopback TCP port, for the test servers (SMTP, the site itself) to listen on."""

import socket


def free_tcp_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
