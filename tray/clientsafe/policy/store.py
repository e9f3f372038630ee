"""Merging the layers: built-in defaults < policy URL < IT-managed system file < user file (or ``--org`` file).

IT's layers (URL and system file) may lock any setting; an org-level setting IT gives a value is locked too.
A user value for a locked setting is ignored and reported. A broken layer is reported (file, field, what is
wrong) and its last good copy stays in force. ``PolicyStore.load`` can be called again at any time (the tray
does on a timer and when a file changes); ``on_change`` hears about a new policy in force and ``on_problem``
about new problems, so the tray can notify.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from clientsafe.policy import fetch, files, locations
from clientsafe.policy.declaration import BY_NAME, defaults
from clientsafe.policy.files import PolicyFileError
from clientsafe.policy.model import SOURCE_NAMES, Policy


class PolicyStore:
    def __init__(
        self,
        system_path: Path | None = None,
        user_path: Path | None = None,
        explicit_path: Path | None = None,
        state_dir: Path | None = None,
        session: requests.Session | None = None,
        on_change: Callable[[Policy], None] | None = None,
        on_problem: Callable[[list[str]], None] | None = None,
    ) -> None:
        """``explicit_path`` (``--org FILE``) takes the place of the user file; it must exist and be valid."""
        self.system_path = system_path or locations.system_policy_path()
        self.user_path = user_path or locations.user_policy_path()
        self.explicit_path = explicit_path
        self.state_dir = state_dir or locations.state_dir()
        self.session = session
        self.on_change = on_change
        self.on_problem = on_problem
        self.current: Policy | None = None
        self._lock = threading.Lock()

    @property
    def problems(self) -> list[str]:
        return list(self.current.problems) if self.current else []

    def load(self) -> Policy:
        """Read every layer now and return the policy in force (also kept as ``current``)."""
        with self._lock:
            previous = self.current
            policy = self._resolve()
            self.current = policy
        if previous is not None and previous.version != policy.version and self.on_change:
            self.on_change(policy)
        new_problems = [p for p in policy.problems if previous is None or p not in previous.problems]
        if new_problems and self.on_problem:
            self.on_problem(new_problems)
        return policy

    def _layer(self, kind: str, path: Path, problems: list[str]) -> dict[str, Any] | None:
        """One file layer: its valid document, else its last good copy (with a problem), else None."""
        copy = self.state_dir / f"last-good-{kind}.json"
        try:
            document = files.read(path)
        except PolicyFileError as e:
            saved = files.read_copy(copy)
            if saved is not None and saved.get("path") == str(path) and isinstance(saved.get("document"), dict):
                problems.append(f"{e}. The last good copy of this file stays in force until it is fixed.")
                return saved["document"]
            problems.append(f"{e}. This file is ignored until it is fixed.")
            return None
        if document is not None:
            saved = files.read_copy(copy)
            if saved is None or saved.get("document") != document or saved.get("path") != str(path):
                try:
                    files.write_atomic(copy, {"path": str(path), "document": document})
                except OSError as e:
                    problems.append(f"could not save a last good copy of {path} in {copy.parent} ({e.strerror})")
        return document

    def _resolve(self) -> Policy:
        problems: list[str] = []
        ignored: list[str] = []
        values = defaults()
        sources: dict[str, str] = {}
        layers: dict[str, str] = {}
        locked: set[str] = set()

        system = self._layer("system", self.system_path, problems)
        it_layers: list[tuple[str, dict[str, Any]]] = []
        if system is not None:
            layers["system"] = str(self.system_path)
            url = system.get("policy_url")
            if url:
                layers["url"] = url
                document, problem = fetch.fetch(url, self.state_dir / "url-cache.json", self.session)
                if problem:
                    problems.append(problem)
                if document is not None:
                    it_layers.append(("url", document))
            it_layers.append(("system", system))
        for source, document in it_layers:
            for name, value in document.items():
                if source == "url" and name == "policy_url":
                    ignored.append("policy URL: field policy_url is only read from the system file; ignored")
                    continue
                if name != "locked":
                    values[name] = value
                    sources[name] = source
            locked |= set(document.get("locked", ()))

        if self.explicit_path is not None:
            user_kind, user_path = "file", self.explicit_path
            if not user_path.exists():
                raise PolicyFileError(str(user_path), ["file not found"])
            document = files.read(user_path)  # an explicitly named file must be valid: no fallback
        else:
            user_kind, user_path = "user", self.user_path
            document = self._layer("user", user_path, problems)
        if document is not None:
            layers[user_kind] = str(user_path)
            where = f"{SOURCE_NAMES[user_kind]} {user_path}"
            for name, value in document.items():
                setting = BY_NAME[name]
                if name == "locked" and user_kind == "file":
                    continue  # an --org file is the last layer: there is nothing after it to lock against
                fixed_by_it = name in locked or (setting.org_level and sources.get(name) in {"system", "url"})
                if setting.layers == "any" and fixed_by_it and values[name] == value:
                    continue  # agrees with what IT fixed: nothing to apply or to report
                if setting.layers == "system":
                    ignored.append(f"{where}: field {name} is only read from the system policy file; ignored")
                elif name in locked:
                    ignored.append(f"{where}: field {name} is locked by the organisation's policy; ignored")
                elif setting.org_level and sources.get(name) in {"system", "url"}:
                    ignored.append(
                        f"{where}: field {name} is set by the organisation's policy ({SOURCE_NAMES[sources[name]]})"
                        "; ignored"
                    )
                else:
                    values[name] = value
                    sources[name] = user_kind
        # What IT fixed: explicitly locked settings, and org-level settings it gave a value.
        fixed = locked | {n for n, s in sources.items() if s in {"system", "url"} and BY_NAME[n].org_level}
        return Policy(
            values=values,
            sources=sources,
            locked=frozenset(fixed),
            layers=layers,
            ignored=tuple(ignored),
            problems=tuple(problems),
        )


def load_policy(explicit_path: Path | None = None) -> Policy:
    """The policy in force for this user (the CLI's and the service's entry point)."""
    return PolicyStore(explicit_path=explicit_path).load()
