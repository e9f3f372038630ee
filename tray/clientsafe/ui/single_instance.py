"""One ClientSafe per user: the first launch listens on a local socket; a second launch finds it, asks it to come
forward, and exits. QLocalServer/QLocalSocket use a Unix socket or a named pipe, so this works on every OS."""

from __future__ import annotations

import getpass
import hashlib

from clientsafe import paths
from clientsafe.ui.qt import QLocalServer, QLocalSocket, QObject, Signal


def server_name() -> str:
    # Per user, and per CLIENTSAFE_HOME (tests and separate profiles each get their own instance).
    home = str(paths.home_override() or "")
    digest = hashlib.sha256(f"{_user()}|{home}".encode()).hexdigest()[:16]
    return f"clientsafe-{digest}"


def _user() -> str:
    """Who runs this. getpass.getuser() reads LOGNAME, USER, LNAME or USERNAME and, when none is set (a session
    started with a bare environment), asks the pwd module, which Windows does not have: ImportError up to Python
    3.12, OSError from 3.13. Then the user's own data folder (platformdirs: per user on every OS) names them."""
    try:
        return getpass.getuser()
    except (ImportError, OSError, KeyError):
        return str(paths.data_dir())


def ask_running_instance(timeout_ms: int = 500) -> bool:
    """True when another ClientSafe answered and was asked to come forward (this launch should then exit)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"show\n")
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later launches; ``activated`` fires on the Qt thread when one asked us to come forward."""

    activated = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name()
        if not self.server.listen(name):
            # A socket left behind by a crash: nobody answered ask_running_instance, so it is stale.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._connection)

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The other launch writes one short line and leaves: read it here rather than keep the socket.
            if socket.bytesAvailable() or socket.waitForReadyRead(500):
                request = bytes(socket.readAll().data()).strip()
            else:
                request = b""
            socket.abort()
            socket.deleteLater()
            if request == b"show":
                self.activated.emit()

    def close(self) -> None:
        self.server.close()
