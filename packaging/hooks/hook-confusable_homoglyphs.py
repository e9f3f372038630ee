"""Unicode's confusables data (confusables.json), which checker/normalise.py reads to fold look-alike letters
("Mаria" with a Cyrillic "а"). PyInstaller collects the package's code only; without the JSON the first post
with a look-alike letter would fail."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("confusable_homoglyphs", includes=["*.json"])
