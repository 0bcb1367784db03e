"""A tiny HTTP server on 127.0.0.1 for download tests (never the network).

It serves files held in memory, counts the requests per path, and can
simulate a transfer cut short (the Content-Length of the whole file, then
only part of the body).
"""
import collections
import contextlib
import http.server
import socket
import threading


class LoopbackServer(object):
    """Serves ``files`` (a dict from URL path to bytes) on 127.0.0.1.

    Attributes:
        requests (collections.Counter): Number of GET requests per path.
        truncated (set): Paths whose body is cut to half its length.
    """

    def __init__(self):
        self.files = {}
        self.truncated = set()
        self.requests = collections.Counter()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):

            def do_GET(self):
                server.requests[self.path] += 1
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                if self.path in server.truncated:
                    body = body[:len(body) // 2]
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._httpd = http.server.ThreadingHTTPServer(
            ('127.0.0.1', 0), Handler)
        # A short poll interval makes shutdown() quick.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={'poll_interval': 0.02},
            daemon=True)

    def url(self, path):
        """The URL of a path (starting with '/') on this server."""
        host, port = self._httpd.server_address[:2]
        return 'http://{}:{}{}'.format(host, port, path)

    def start(self):
        self._thread.start()

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


@contextlib.contextmanager
def serving():
    """Runs a :class:`LoopbackServer` for the duration of the block."""
    server = LoopbackServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def closed_port_url(path='/'):
    """A loopback URL where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        port = sock.getsockname()[1]
    return 'http://127.0.0.1:{}{}'.format(port, path)
