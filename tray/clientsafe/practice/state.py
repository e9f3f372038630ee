"""What practice remembers between rounds on this machine: the last round's scenario ids (so the next round
differs) and when a round was last finished (so the reminder survives the audit's retention). Ids and a date only:
never an answer. ``practice.json`` in the data folder (``$CLIENTSAFE_HOME/data`` when set)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from clientsafe import paths
from clientsafe.atomic_file import atomic_write

FILE_NAME = "practice.json"


@dataclass
class PracticeState:
    last_ids: list[str] = field(default_factory=list)
    last_completed: dt.datetime | None = None


def state_path() -> Path:
    return paths.data_dir() / FILE_NAME


def load_state(path: Path | None = None) -> PracticeState:
    """The saved state; a missing or damaged file is an empty state (it only steers the next round)."""
    path = path or state_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ids = [str(i) for i in data.get("last_ids", []) if isinstance(i, str)]
        when = data.get("last_completed")
        moment = dt.datetime.fromisoformat(when) if isinstance(when, str) else None
        if moment is not None and moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return PracticeState(ids, moment)
    except (OSError, ValueError, AttributeError):
        return PracticeState()


def save_state(state: PracticeState, path: Path | None = None) -> None:
    path = path or state_path()
    data = {
        "last_ids": state.last_ids,
        "last_completed": state.last_completed.astimezone(dt.UTC).isoformat() if state.last_completed else None,
    }
    with atomic_write(path) as stream:
        json.dump(data, stream, indent=1)
