"""Presidio reads its YAML configuration (default recognizers, NLP engine) from its package folder."""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("presidio_analyzer", includes=["conf/**/*.yaml", "conf/**/*.yml", "conf/**/*.txt"])
# The engine reports importlib.metadata.version("presidio-analyzer") in every verdict.
datas += copy_metadata("presidio-analyzer")
