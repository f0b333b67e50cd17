import spacy

from refund_assistant import spacy_pipeline


def test_saved_pipeline_loads_from_the_project_and_lemmatises(tmp_path):
    target = spacy_pipeline.save(tmp_path / "en_refund")
    nlp = spacy.load(target)
    assert nlp.path is not None  # Rasa's SpacyNLP refuses pipelines not loaded from disk
    assert nlp.pipe_names == ["lemmatizer", "attribute_ruler"]
    assert nlp.meta["name"] == "en_refund"
    lemmas = [token.lemma_ for token in nlp("my shops cancelled, disputes closed")]
    assert lemmas == ["my", "store", "cancel", ",", "dispute", "close"]


def test_shorthand_maps_to_the_full_word():
    nlp = spacy_pipeline.build()
    lemmas = {token.text: token.lemma_ for token in nlp("pls check my acct docs, u know, licence")}
    assert lemmas["pls"] == "please"
    assert lemmas["acct"] == "account"
    assert lemmas["docs"] == "document"
    assert lemmas["u"] == "you"
    assert lemmas["licence"] == "license"


def test_contractions_keep_their_negation():
    nlp = spacy_pipeline.build()
    assert [t.lemma_ for t in nlp("haven't won't can't")] == [
        "have",
        "not",
        "will",
        "not",
        "can",
        "not",
    ]
