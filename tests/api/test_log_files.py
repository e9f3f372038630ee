"""The service's log is readable by its owner only: the file 0600 in a 0700 folder, also after it rotates and
whatever the process's umask (it names sites, rule codes and times of use; never post text)."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from clientsafe.api.server import setup_logging


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps a user's AppData private by its ACLs")
def test_the_service_log_is_0600_in_a_0700_folder_also_after_rotation(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path / "home"))
    logger = logging.getLogger("clientsafe")
    before = list(logger.handlers)
    umask = os.umask(0o022)  # the common default, which leaves new files readable by everyone
    try:
        file = setup_logging()
        [handler] = [h for h in logger.handlers if h not in before]
        logging.getLogger("clientsafe.test").info("first")
        handler.doRollover()
        logging.getLogger("clientsafe.test").info("second")
    finally:
        os.umask(umask)
        for h in [h for h in logger.handlers if h not in before]:
            logger.removeHandler(h)
            h.close()
    assert mode(file.parent) == 0o700
    assert mode(file) == 0o600 and "second" in file.read_text()
    rotated = file.with_name("service.log.1")
    assert mode(rotated) == 0o600 and "first" in rotated.read_text()
