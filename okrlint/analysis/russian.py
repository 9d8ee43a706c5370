"""Russian analysis: natasha's tagger and parser, pymorphy3 lemmas, on spaCy Docs.

Models load once per process, on first use, so English-only runs never pay
for them.  Tagging and parsing run batched over every Russian item of a run.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .tokens import doc_tokens

# pymorphy's OpenCorpora POS → Universal Dependencies POS (what natasha's tagger emits).
_OC_TO_UD = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
    "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
    "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
    "PRCL": "PART", "INTJ": "INTJ",
}
# UD feature values → OpenCorpora grammemes, to score pymorphy parses against the tagger.
_UD_TO_OC = {
    ("Case", "Nom"): "nomn", ("Case", "Gen"): "gent", ("Case", "Dat"): "datv",
    ("Case", "Acc"): "accs", ("Case", "Ins"): "ablt", ("Case", "Loc"): "loct",
    ("Number", "Sing"): "sing", ("Number", "Plur"): "plur",
    ("Gender", "Masc"): "masc", ("Gender", "Fem"): "femn", ("Gender", "Neut"): "neut",
    ("VerbForm", "Inf"): "INFN", ("VerbForm", "Part"): "PRTF", ("VerbForm", "Conv"): "GRND",
    ("Mood", "Imp"): "impr", ("Aspect", "Perf"): "perf", ("Aspect", "Imp"): "impf",
    ("Tense", "Past"): "past", ("Tense", "Fut"): "futr", ("Tense", "Pres"): "pres",
}


# Items per slovnet call (its default is 8).  Items go in sorted by length, so padding stays small and
# 8…512 tag at the same speed (benchmarks/bench.py measures it); 64 makes few Python-level calls.
BATCH_SIZE = 64


@lru_cache(maxsize=None)
def morph() -> Any:
    """The process-wide pymorphy3 analyzer (also given to natasha's extractors)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def _models() -> tuple[Any, Any]:
    """natasha's news tagger and parser (slovnet models over navec embeddings), loaded from natasha's files.

    Loaded through slovnet directly, as natasha's own classes do, minus what okrlint never uses: navec's
    word list (slovnet looks words up in its own vocabulary and reads only navec's vectors) and the second
    copy of the 250,000-word vocabulary the tagger and the parser share.  Same arrays, same outputs;
    about 90 MB and half a second less than ``NewsEmbedding()`` + ``NewsMorphTagger`` + ``NewsSyntaxParser``,
    and natasha's package (its NER, extractors and pymorphy2) is not imported.
    """
    import importlib.util
    from os.path import dirname, exists, join

    logging.getLogger("slovnet").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from slovnet import Morph, Syntax
        from slovnet.exec import encoders, infer, model

    spec = importlib.util.find_spec("natasha")
    assert spec is not None and spec.origin is not None
    data = join(dirname(spec.origin), "data")
    files = [join(data, "emb", "navec_news_v1_1B_250K_300d_100q.tar"), join(data, "model", "slovnet_morph_news_v1.tar"),
             join(data, "model", "slovnet_syntax_news_v1.tar")]
    if not all(exists(f) for f in files):  # a natasha release that ships other files: its own classes load them
        return _natasha_models()
    embedding = _navec_vectors(files[0])
    shared: dict[bytes, Any] = {}
    tagger = _slovnet(Morph, files[1], model.Morph, encoders.TagEncoder, infer.TagDecoder, infer.MorphInfer, "tag",
                      embedding, shared)
    parser = _slovnet(Syntax, files[2], model.Syntax, encoders.SyntaxEncoder, infer.SyntaxDecoder, infer.SyntaxInfer,
                      "rel", embedding, shared)
    return tagger, parser


def _natasha_models() -> tuple[Any, Any]:
    """natasha's own loading (more memory, same models)."""
    logging.getLogger("natasha").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

        embedding = NewsEmbedding()
        tagger, parser = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)
    tagger.batch_size = parser.batch_size = BATCH_SIZE
    return tagger, parser


@dataclass
class _Navec:
    """What slovnet's ``inject_navec`` reads of a ``navec.Navec``: its id and its quantized vectors."""

    meta: Any
    pq: Any


def _navec_vectors(path: str) -> _Navec:
    from navec.meta import Meta
    from navec.pq import PQ
    from navec.tar import Tar

    with Tar(path) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        return _Navec(meta, PQ.from_file(tar.load("pq.bin")))


def _slovnet(api: Any, path: str, model_class: Any, encoder: Any, decoder: Any, infer: Any, labels: str,
             embedding: _Navec, shared: dict[bytes, Any]) -> Any:
    """``slovnet.Morph.load``/``Syntax.load`` + ``.navec(embedding)``, with a word vocabulary identical to one
    already loaded (the same words in the same order) reused instead of built again."""
    from gzip import decompress

    from slovnet.exec.pack import Pack, vocab_name
    from slovnet.vocab import Vocab

    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_class)
        arrays = dict(pack.load_arrays(model.weights))
        content = decompress(pack.read(vocab_name("word")))  # as slovnet's bytes_vocab reads it
        if content not in shared:
            shared[content] = Vocab(content.decode("utf8").splitlines())
        words = shared[content]
        shapes = pack.load_vocab("shape")
        tags = pack.load_vocab(labels)
    model = model.inject_arrays(arrays).inject_navec(embedding)
    return api(infer(model, encoder(words, shapes, BATCH_SIZE), decoder(tags)), BATCH_SIZE)


@lru_cache(maxsize=None)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread() -> Any:
    """slovnet multiplies small matrices: BLAS threads only contend for the cores (12× slower on a busy
    2-core machine, measured with benchmarks/bench.py), so tagging runs with one; the caller's
    setting is restored afterwards."""
    return _blas().limit(limits=1, user_api="blas")


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word; cached, as OKR files repeat their vocabulary."""
    return tuple(morph().parse(word))


def ud_pos(parse: Any) -> str:
    return _OC_TO_UD.get(parse.tag.POS or "", "X")


def best_parse(word: str, pos: str | None = None, feats: dict[str, str] | None = None) -> Any:
    """The pymorphy3 parse of ``word`` that agrees best with the tagger's POS and features."""
    readings = parses(word)
    wanted = {_UD_TO_OC[(k, v)] for k, v in (feats or {}).items() if (k, v) in _UD_TO_OC}

    def score(parse: Any) -> tuple[int, int, float, int]:
        same_pos = int(pos is not None and ud_pos(parse) == pos)
        overlap = len(wanted & set(parse.tag.grammemes))
        # On a tie, a noun whose lemma is also an infinitive («стать») is the rarer reading.
        rare = int(parse.tag.POS == "NOUN" and _is_infinitive(parse.normal_form))
        # Guesses for unknown words: prefer a declinable common noun («вебинара» → «вебинар»).
        guess = len({"Fixd", "Name", "Surn", "Geox"} & set(parse.tag.grammemes))
        return same_pos, overlap - guess, parse.score, -rare

    return max(readings, key=score)


@lru_cache(maxsize=4096)
def _is_infinitive(word: str) -> bool:
    return any("INFN" in p.tag.grammemes for p in parses(word))


def lemma(word: str, pos: str | None = None, feats: dict[str, str] | None = None) -> str:
    return _lemma(word, pos, tuple(sorted(feats.items())) if feats else ())


@lru_cache(maxsize=65536)
def _lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """Cached: choosing among pymorphy3's parses costs more than tagging, and OKR words repeat."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return word.lower()
    return best_parse(word, pos, dict(feats)).normal_form.replace("ё", "е")


def _leading_verb(word: str) -> dict[str, str] | None:
    """UD features of an infinitive/imperative reading of ``word``, if pymorphy3 knows one."""
    for parse in parses(word):
        grams = parse.tag.grammemes
        if "INFN" in grams:
            return {"VerbForm": "Inf", "Aspect": "Perf" if "perf" in grams else "Imp"}
        if "impr" in grams and "incl" not in grams:  # «улучшим» (let us) is not an order
            return {"VerbForm": "Fin", "Mood": "Imp", "Aspect": "Perf" if "perf" in grams else "Imp"}
    return None


def annotate(docs: list[Doc]) -> list[Doc]:
    """Return new Docs carrying lemma, POS, morphology, head and dependency."""
    batch = [[t.text for t in doc_tokens(doc) if not t.is_space] for doc in docs]
    # Similar lengths in one batch pad less: slovnet's convolutions run on padded arrays.
    todo = sorted((i for i, words in enumerate(batch) if words), key=lambda i: len(batch[i]))
    tagger, parser = _models()
    words_todo = [batch[i] for i in todo]
    with _one_blas_thread():
        morph_markups = list(tagger.map(words_todo)) if words_todo else []
        syntax_markups = list(parser.map(words_todo)) if words_todo else []
    result = list(docs)
    for i, tagged, parsed in zip(todo, morph_markups, syntax_markups):
        result[i] = _rebuild(docs[i], tagged.tokens, parsed.tokens)
    return result


def _rebuild(doc: Doc, tagged: list[Any], parsed: list[Any]) -> Doc:
    tokens = doc_tokens(doc)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    index = [t.i for t in tokens if not t.is_space]  # natasha position → doc token index
    lemmas, pos, morphs = [], [], []
    heads = list(range(len(doc)))
    deps = ["dep"] * len(doc)
    k = 0
    for token in tokens:
        if token.is_space:
            lemmas.append(token.text)
            pos.append("SPACE")
            morphs.append("")
            continue
        tag, syn = tagged[k], parsed[k]
        feats = dict(tag.feats or {})
        tag_pos = tag.pos or "X"
        if k == 0 and not ("Inf" in feats.get("VerbForm", "") or feats.get("Mood") == "Imp"):
            # OKR lines lead with an imperative or infinitive; the news-trained
            # tagger often misreads a lone sentence-initial «улучшите».
            verb = _leading_verb(token.text)
            if verb is not None:
                tag_pos, feats = "VERB", verb
        lemmas.append(lemma(token.text, tag_pos, feats))
        pos.append(tag_pos)
        morphs.append("|".join(f"{key}={value}" for key, value in sorted(feats.items())))
        head = int(syn.head_id) if str(syn.head_id).isdigit() else 0
        if 0 < head <= len(index):
            heads[token.i] = index[head - 1]
        deps[token.i] = syn.rel or "dep"
        if head == 0:
            deps[token.i] = "ROOT"
        k += 1
    try:
        return Doc(doc.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos,
                   morphs=morphs, heads=heads, deps=deps)
    except (ValueError, KeyError):  # a malformed tree from the parser: keep tags, drop syntax
        return Doc(doc.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, morphs=morphs)
