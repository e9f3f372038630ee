"""tldextract's bundled public-suffix snapshot: a dot-file, which collect_data_files' globbing skips, so it
is named here. Without it the e-mail recognizer would find no suffix (ClientSafe never fetches the list)."""

import os

from PyInstaller.utils.hooks import get_package_paths

_, _pkg_dir = get_package_paths("tldextract")
datas = [(os.path.join(_pkg_dir, ".tld_set_snapshot"), "tldextract")]
