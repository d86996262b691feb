"""A TCP proxy of the tests' own in front of Flink's REST port: it notes which hlink process asks for
/jobs/overview and which jobs are cancelled through it, it can stop forwarding (the connection stays open,
nothing answers) and start again, and it can hold each run request for a while (a slow submission)."""

from __future__ import annotations

import asyncio
import contextlib
import re

_AGENT = re.compile(rb"GET /jobs/overview .*?\r\nuser-agent: hlink \([^;]*; pid (\d+)\)", re.I | re.S)
_RUN = re.compile(rb"^POST /jars/[^/ ]+/run[ ?]", re.M)
_CANCEL = re.compile(rb"^PATCH /jobs/([0-9a-f]{32})\?mode=cancel ", re.M)


class Proxy:
    """Forwards 127.0.0.1:<its port> to 127.0.0.1:``target_port``."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        #: the pids of the hlink processes that asked for /jobs/overview, in order
        self.pollers: list[int] = []
        #: the Flink job ids cancelled through the proxy (``PATCH /jobs/{jid}?mode=cancel``), in order
        self.cancelled: list[str] = []
        #: seconds each run request (``POST /jars/{id}/run``) is held before it is forwarded: a slow submission
        self.run_delay = 0.0
        #: set once a run request is being held (the submission is in flight: its job was claimed)
        self.run_held = asyncio.Event()
        self._forwarding = asyncio.Event()
        self._forwarding.set()
        self._server: asyncio.Server | None = None

    async def start(self) -> str:
        """Listen on a free loopback port; answers the address to register as a cluster."""
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    def pause(self) -> None:
        """Stop forwarding: requests are taken and never answered."""
        self._forwarding.clear()

    def resume(self) -> None:
        """Forward again."""
        self._forwarding.set()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter, requests: bool) -> None:
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                while chunk := await source.read(65536):
                    await self._forwarding.wait()
                    if requests:
                        self.pollers.extend(int(pid) for pid in _AGENT.findall(chunk))
                        self.cancelled.extend(jid.decode() for jid in _CANCEL.findall(chunk))
                        if self.run_delay and _RUN.search(chunk):
                            self.run_held.set()
                            await asyncio.sleep(self.run_delay)
                    sink.write(chunk)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer, True), pipe(up_reader, writer, False))

    async def stop(self) -> None:
        """Stop listening (and forward whatever is held, so nothing waits for ever)."""
        self.resume()
        if self._server is not None:
            self._server.close()
