"""Merging the layers: built-in defaults < policy URL < IT-managed system file < OS-managed policy < user file
(or ``--org`` file).

The OS-managed policy (``os_managed.py``: Group Policy/Intune registry values on Windows, a configuration profile
on macOS) ranks with the system file as IT's own layer and wins over it where both set a setting, as browsers let
registry policy win; its ``policy_url``, if any, is the one fetched. IT's layers (URL, system file, OS-managed)
may lock any setting; an org-level setting IT gives a value is locked too.
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

from clientsafe.policy import fetch, files, locations, os_managed
from clientsafe.policy.declaration import BY_NAME, defaults
from clientsafe.policy.files import PolicyFileError
from clientsafe.policy.model import SOURCE_NAMES, Policy
from clientsafe.say import reason, said

IT_SOURCES = frozenset({"url", "system", os_managed.SOURCE})


def source_name(source: str) -> str:
    """How a layer is named to people (model.SOURCE_NAMES, plus the OS-managed layer)."""
    return os_managed.SOURCE_NAME if source == os_managed.SOURCE else SOURCE_NAMES.get(source, source)


def not_saved(what: object, folder: Path, error: OSError) -> str:
    return said(
        "could not save a last good copy of {what} in {folder} ({error})",
        what=what,
        folder=folder,
        error=error.strerror,
    )


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
        read_managed: Callable[[], os_managed.ManagedLayer | None] | None = None,
    ) -> None:
        """``explicit_path`` (``--org FILE``) takes the place of the user file; it must exist and be valid.
        ``read_managed`` reads the OS-managed settings (default: this machine's registry or managed preferences).
        """
        self.system_path = system_path or locations.system_policy_path()
        self.user_path = user_path or locations.user_policy_path()
        self.explicit_path = explicit_path
        self.state_dir = state_dir or locations.state_dir()
        self.session = session
        self.on_change = on_change
        self.on_problem = on_problem
        self.read_managed = read_managed or os_managed.read_managed
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
                problems.append(
                    said(
                        "{problem}. The last good copy of this file stays in force until it is fixed.",
                        problem=reason(e),
                    )
                )
                return saved["document"]
            problems.append(said("{problem}. This file is ignored until it is fixed.", problem=reason(e)))
            return None
        if document is not None:
            saved = files.read_copy(copy)
            if saved is None or saved.get("document") != document or saved.get("path") != str(path):
                try:
                    files.write_atomic(copy, {"path": str(path), "document": document})
                except OSError as e:
                    problems.append(not_saved(path, copy.parent, e))
        return document

    def _managed(self, problems: list[str]) -> tuple[str, dict[str, Any]] | None:
        """The OS-managed layer: (where, its valid values), a rejected value replaced by its last good one."""
        copy = self.state_dir / "last-good-managed.json"
        saved = files.read_copy(copy) or {}
        try:
            layer = self.read_managed()
        except os_managed.ManagedLayerError as e:
            if saved.get("path") == e.where and isinstance(saved.get("document"), dict):
                problems.append(
                    said(
                        "{problem}. The last good copy of these settings stays in force until it is fixed.",
                        problem=reason(e),
                    )
                )
                return e.where, saved["document"]
            problems.append(said("{problem}. These settings are ignored until this is fixed.", problem=reason(e)))
            return None
        if layer is None:
            return None
        good = saved.get("document") if saved.get("path") == layer.where else None
        document = dict(layer.document)
        for name, problem in layer.rejected.items():
            if isinstance(good, dict) and name in good:
                document[name] = good[name]
                problems.append(
                    said("{problem}. Its last good value stays in force until it is fixed.", problem=problem)
                )
            else:
                problems.append(said("{problem}. This setting is ignored until it is fixed.", problem=problem))
        problems.extend(layer.unknown)
        if good != document:
            try:
                files.write_atomic(copy, {"path": layer.where, "document": document})
            except OSError as e:
                problems.append(not_saved(layer.where, copy.parent, e))
        return layer.where, document

    def _resolve(self) -> Policy:
        problems: list[str] = []
        ignored: list[str] = []
        values = defaults()
        sources: dict[str, str] = {}
        layers: dict[str, str] = {}
        locked: set[str] = set()

        system = self._layer("system", self.system_path, problems)
        managed = self._managed(problems)
        it_layers: list[tuple[str, dict[str, Any]]] = []
        # The policy URL is read from IT's own layers, the OS-managed one first (it wins over the file).
        url = None
        for document in (managed[1] if managed else None, system):
            if document is not None and "policy_url" in document:
                url = document["policy_url"]
                break
        if url:
            layers["url"] = url
            fetched, problem = fetch.fetch(url, self.state_dir / "url-cache.json", self.session)
            if problem:
                problems.append(problem)
            if fetched is not None:
                it_layers.append(("url", fetched))
        if system is not None:
            layers["system"] = str(self.system_path)
            it_layers.append(("system", system))
        if managed is not None:
            layers[os_managed.SOURCE] = managed[0]
            it_layers.append((os_managed.SOURCE, managed[1]))
        for source, document in it_layers:
            for name, value in document.items():
                if source == "url" and name == "policy_url":
                    ignored.append(said("policy URL: field policy_url is only read from the system file; ignored"))
                    continue
                if name != "locked":
                    values[name] = value
                    sources[name] = source
            locked |= set(document.get("locked", ()))

        if self.explicit_path is not None:
            user_kind, user_path = "file", self.explicit_path
            if not user_path.exists():
                raise PolicyFileError(str(user_path), [said("file not found")])
            document = files.read(user_path)  # an explicitly named file must be valid: no fallback
        else:
            user_kind, user_path = "user", self.user_path
            document = self._layer("user", user_path, problems)
        if document is not None:
            layers[user_kind] = str(user_path)
            where = said("{source} {path}", source=source_name(user_kind), path=user_path)
            for name, value in document.items():
                setting = BY_NAME[name]
                if name == "locked" and user_kind == "file":
                    continue  # an --org file is the last layer: there is nothing after it to lock against
                fixed_by_it = name in locked or (setting.org_level and sources.get(name) in IT_SOURCES)
                if setting.layers == "any" and fixed_by_it and values[name] == value:
                    continue  # agrees with what IT fixed: nothing to apply or to report
                if setting.layers == "system":
                    ignored.append(
                        said(
                            "{where}: field {name} is only read from the system policy file or the OS-managed policy"
                            "; ignored",
                            where=where,
                            name=name,
                        )
                    )
                elif name in locked:
                    ignored.append(
                        said(
                            "{where}: field {name} is locked by the organisation's policy; ignored",
                            where=where,
                            name=name,
                        )
                    )
                elif setting.org_level and sources.get(name) in IT_SOURCES:
                    ignored.append(
                        said(
                            "{where}: field {name} is set by the organisation's policy ({source}); ignored",
                            where=where,
                            name=name,
                            source=source_name(sources[name]),
                        )
                    )
                else:
                    values[name] = value
                    sources[name] = user_kind
        # What IT fixed: explicitly locked settings, and org-level settings it gave a value.
        fixed = locked | {n for n, s in sources.items() if s in IT_SOURCES and BY_NAME[n].org_level}
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
