"""ClientSafe: a local confidentiality checker for nonprofit staff's social-media posts."""

__version__ = "0.1.0"
