"""Property tests: any text lints, spans stay inside the file, fixing is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from humaskit.draft import parse_draft
from humaskit.lint.fixing import fix_text
from humaskit.lint.text import EMOJI, EMOJI_PART

# Captions mixing the words the rules care about with arbitrary Unicode.
WORDS = st.sampled_from(["kamu", "Anda", "anda", "gak", "banget", "menghimbau", "praktek", "HEBOH", "!!!", "??",
                         "#kotatasikmalaya", "#KotaTasikmalaya", "https://bit.ly/x", "@dinkes.tasikmalaya", "🎉",
                         "👨‍👩‍👧", "e\u0301", "\t", "\r\n", "\n", "wali kota", "walikota", "COVID-19", "covid-19",
                         "<!-- humaskit-disable -->", "<!-- humaskit-enable -->", "di", "ke", "Rp.", "jam 7",
                         "pukul 09:00", "Jumat, 19 Desember 2026", "yang yang", " ,", "dll", "  ",
                         "İzin"])  # lower() of İ is two characters: offsets must not shift
CAPTIONS = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join)
FRONT = st.sampled_from(["", "---\nagency: dinkes\nplatforms: [x, instagram]\n---\n",
                         "---\r\nkind: reply\r\nplatforms: [facebook]\r\n---\r\n", "\ufeff"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.text())
def test_any_unicode_text_lints(linter, text):
    result = linter.lint_text(text, "acak.txt")
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)


@SETTINGS
@given(FRONT, CAPTIONS)
def test_every_finding_lies_inside_the_file(linter, front, caption):
    text = front + caption
    lines = text.split("\n")
    for f in linter.lint_text(text, "a.md").findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1
        assert (f.line, f.column) <= (f.end_line, f.end_column)


@SETTINGS
@given(FRONT, CAPTIONS)
def test_fix_twice_equals_fix_once(linter, front, caption):
    text = front + caption
    once = fix_text(linter, parse_draft(text, "a.md", guideline=linter.guideline))
    twice = fix_text(linter, parse_draft(once, "a.md", guideline=linter.guideline))
    assert twice == once


@SETTINGS
@given(CAPTIONS, st.sets(st.sampled_from(["kamu", "anak", "gak", "di", "kota", "e\u0301", "covid-19", "x"])))
def test_find_words_agrees_with_the_word_tokens(caption, wanted):
    from humaskit.lint.text import Tokens

    tokens = Tokens(caption, 0)
    assert tokens.find_words(wanted) == [t for t in tokens.words if t[2].lower() in wanted]


URLISH = st.sampled_from(["https://bit.ly/x", "http://localhost", "WWW.Kota.go.id/a", "wWw.x", "dinkes.go.id.",
                          "(tasikmalayakota.go.id)", "a.ID/b?c=1", "x://y", "foo.com", "e-mail@kota.go.id",
                          ".go.id", "go.id", "a..id", "x.idn", "\u00a0kota.go.id", "https://a.b/c).", "www.",
                          "ke\u3000www.x.org", "<https://x.y/z>", "\"bit.ly/q\""])
URL_TEXT = st.lists(st.one_of(URLISH, WORDS, st.text(max_size=6)), max_size=25).map(
    lambda parts: "".join(p + " " * (i % 3 == 0) for i, p in enumerate(parts)))


@settings(max_examples=1500, deadline=None)
@given(URL_TEXT)
def test_url_scan_finds_what_a_whole_caption_scan_finds(text):
    from humaskit.lint.text import URL, _url_spans

    assert _url_spans(text) == [m.span() for m in URL.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(CAPTIONS, URL_TEXT, st.text()))
def test_lower_words_are_the_tokens_of_the_lower_case_caption(text):
    from humaskit.lint.matching import WORD
    from humaskit.lint.text import Tokens

    tokens = Tokens(text, 0)
    # lower_masked keeps offsets (a character whose lower case is longer, such as 'İ', stays)
    assert tokens.lower_words == frozenset(WORD.findall(tokens.lower_masked))


@SETTINGS
@given(st.one_of(CAPTIONS, st.text()))
def test_upper_words_are_the_capitalised_word_tokens(caption):
    from humaskit.lint.text import Tokens

    tokens = Tokens(caption, 0)
    assert tokens.upper_words() == [t for t in tokens.words if t[2].isupper()]


PHRASES = ["wali kota", "Wali Kota", "kota", "dinas kesehatan", "jangan sampai ketinggalan!!", "covid-19",
           "wajib tahu", "a", "tidak tahu diri", "Kota Tasikmalaya", "(heboh)", "x_y"]
PHRASE_TEXT = st.lists(st.one_of(st.sampled_from(PHRASES + ["Kota", "WALI", "tahu-diri", "kota_", "kota-", "-kota",
                                                             "wali\tkota", "wali\u00a0kota", "wali  kota",
                                                             "wali\nkota", "ketinggalan!!!", "!!"]),
                                 st.sampled_from([" ", "\n", ", ", "-", "_", "'", "."])), max_size=30).map("".join)


def _phrases_by_regex(phrases, tokens, ignorecase):
    """The reference: each phrase as an anchored regular expression, tried at every word token."""
    import re

    from humaskit.lint.matching import WORD

    first = {}
    for phrase in sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
        words = WORD.findall(phrase)
        if words:
            body = r"\s+".join(map(re.escape, phrase.split()))
            pattern = re.compile(rf"(?:{body})(?![\w-])", re.I if ignorecase else 0)
            first.setdefault(words[0].lower() if ignorecase else words[0], []).append((pattern, phrase))
    found, skip_to = [], -1
    for start, _, word in tokens.words:
        if start < skip_to:
            continue
        for pattern, phrase in first.get(word.lower() if ignorecase else word, ()):
            m = pattern.match(tokens.masked, start)
            if m:
                skip_to = m.end()
                found.append((start, skip_to, m.group(), phrase))
                break
    return found


@settings(max_examples=1500, deadline=None)
@given(st.sets(st.sampled_from(PHRASES), min_size=1), PHRASE_TEXT, st.booleans())
def test_phrase_index_finds_what_the_phrase_patterns_find(phrases, text, ignorecase):
    from humaskit.lint.matching import PhraseIndex
    from humaskit.lint.text import Tokens

    tokens = Tokens(text, 0)
    assert list(PhraseIndex(phrases, ignorecase=ignorecase).finditer(tokens)) == \
        _phrases_by_regex(phrases, tokens, ignorecase)


MECHANICS_TEXT = st.lists(st.one_of(
    st.sampled_from(["Rp", "rp.", "RP 2.000", "Rp2.000,-", "rp 1,5 juta", "xrp5", "_rp5", "Rp.10.000", "HEBOH", "Dinkes",
                     "3 petugas", "12 Des", "1234 warga", "03/12/2026", "1-2", "٣ hari", "Éé", "ÉCOLE", "A1", "jam 7",
                     "!", "?!", "covid-19"]),
    st.text(alphabet="aR pP0123456789.,-/ \tAZé٣", max_size=8)), max_size=20).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(MECHANICS_TEXT)
def test_fast_scans_find_what_the_plain_patterns_find(text):
    import re

    from humaskit.lint.rules.grammar import dates, numbers, scan
    from humaskit.lint.rules.tone import style

    lower = text.lower() if len(text.lower()) == len(text) else text
    assert [m.span() for m in numbers._money(text, lower)] == \
        [m.span() for m in re.finditer(r"\b" + numbers._MONEY.pattern, text)]
    if text.isascii():
        assert [m.span() for m in scan._NUMBER_WORD_ASCII.finditer(text)] == \
            [m.span() for m in re.finditer(r"\d{1,3}(?=[ \t]+[^\W\d_])", text)]
        assert bool(dates._NUMERIC_GUARD_ASCII.search(text)) == bool(re.search(r"\d[/-]\d", text))
        assert bool(style._CAPS_ASCII.search(text)) == bool(re.search(r"[^\W\d_a-z]{2}", text))
    assert [m.span() for m in scan._NUMBER_WORD.finditer(text)] == \
        [m.span() for m in re.finditer(r"\d{1,3}(?=[ \t]+[^\W\d_])", text)]
    assert bool(style._CAPS.search(text)) == bool(re.search(r"[^\W\d_a-z]{2}", text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["dll", "DLL.", "d.l.l", "dsb..", "Yth.", "dst'an", "xdll", "dkk-", "yth’s",
                                           " ,", " .", "\t!", "ok ?", "..."]), st.text(max_size=5)),
                max_size=12).map(" ".join))
def test_abbreviation_gate_never_hides_a_match(text):
    from humaskit.lint.rules.grammar import punctuation
    from humaskit.lint.text import Tokens

    tokens = Tokens(text, 0)
    if punctuation._ABBREV.search(tokens.masked):
        assert not punctuation._ABBREVIATION_WORDS.isdisjoint(tokens.lower_words) or "'" in text or "’" in text


def _abbreviation_reference(masked, i):
    """the sentence splitter's abbreviation look as first written: the word before the dot found from
    the line start."""
    from humaskit.language.sentences import _ABBREVIATIONS

    word = masked[max(masked.rfind(" ", 0, i), masked.rfind("\n", 0, i)) + 1:i]
    return len(word) <= 4 and (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))


def _sentences_reference(masked):
    """sentences() with the abbreviation look as first written."""
    from unittest import mock

    from humaskit.language import sentences

    with mock.patch.object(sentences, "_abbreviation_at", _abbreviation_reference):
        return sentences.sentences(masked)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["dr.", "Dr.", "No.", "A.", "yth.", "dll.", "kota.", "a.b.", "x.", "st.",
                                           "warga!", "?", "\n", ".", " ", "  ", "\t", "\"", "07.00", "Prof."]),
                          st.text(alphabet="ab .!?\nA\t", max_size=6)), max_size=25).map("".join))
def test_sentence_split_unchanged_by_the_windowed_abbreviation_look(text):
    from humaskit.language.sentences import _abbreviation_at, sentences, syllables

    assert sentences(text) == _sentences_reference(text)
    for i, c in enumerate(text):
        if c == ".":
            assert _abbreviation_at(text, i) == _abbreviation_reference(text, i)
    low = text.lower()
    assert syllables(text) == sum(map(low.count, "aiueo")) - sum(map(low.count, ("ai", "au", "oi")))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Senin, 1 Desember 2026", "jumat 5 Des", "Jum'at, 5 Desember", "x’Sabtu 6 Desember",
                                 "Minggu (7/12/2026)", "minggu 7 Desember", "SENIN 1 Desember", "Rabu tgl. 3 Desember",
                                 "kamis", "ahad, 7 Desember 2026", "warga", "'", "di"]), max_size=8).map(" ".join))
def test_weekday_rule_sees_every_weekday_the_full_scan_sees(text):
    from humaskit.lint.rules.grammar import dates
    from humaskit.lint.rules.grammar.scan import anchored
    from humaskit.lint.text import Tokens

    tokens = Tokens(text, 0)
    full = list(anchored(dates._WEEKDAY_DATE, tokens.masked, dates._WEEKDAY_NEEDLES, tokens.lower_masked))
    if full and "'" not in text and "’" not in text:
        present = dates._WEEKDAY_WORDS.intersection(tokens.lower_words)
        needles = {dates._WEEKDAY_NEEDLE[w] for w in present}
        assert [m.span() for m in anchored(dates._WEEKDAY_DATE, tokens.masked, needles,
                                           tokens.lower_masked)] == [m.span() for m in full]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["dll", "DLL.", "d.l.l", "dsb..", "Yth.", "dst'an", "x'dll", "dkk-", "yth’s", "Senin, 1 Desember",
                                 "x’Sabtu 6 Desember", "d'Jum'at, 5 Desember", "jumat 5 Des", "'", "’", "warga"]),
                max_size=10).map(" ".join))
def test_loose_words_hold_every_word_a_gated_scan_can_match(text):
    from humaskit.lint.rules.grammar import dates, punctuation
    from humaskit.lint.rules.grammar.scan import anchored
    from humaskit.lint.text import Tokens

    tokens = Tokens(text, 0)
    if punctuation._ABBREV.search(tokens.masked):
        assert not punctuation._ABBREVIATION_WORDS.isdisjoint(tokens.loose_words)
    full = [m.span() for m in anchored(dates._WEEKDAY_DATE, tokens.masked, dates._WEEKDAY_NEEDLES,
                                       tokens.lower_masked)]
    needles = {dates._WEEKDAY_NEEDLE[w] for w in dates._WEEKDAY_WORDS.intersection(tokens.loose_words)}
    assert [m.span() for m in anchored(dates._WEEKDAY_DATE, tokens.masked, needles,
                                       tokens.lower_masked)] == full
    assert tokens.lower_words <= tokens.loose_words


SE_TEXT = st.lists(st.sampled_from(["se", "Se", "kase", "_se", "se-", "Jawa", "Barat", "seKota", "sekota", "é", "٣", " ",
                                    "\t", ".", "!", "Ébé"]), max_size=16).map("".join)


@settings(max_examples=1000, deadline=None)
@given(SE_TEXT)
def test_se_prefix_scan_finds_what_the_plain_pattern_finds(text):
    import re

    from humaskit.lint.rules.grammar import capitals

    assert [(m.span(), m.group(1)) for m in capitals.se_capital(text)] == \
        [(m.span(), m.group(2)) for m in re.finditer(r"\b(se)(?:[ \t]+|(?=[A-Z]))([A-Z][a-z]+)", text)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["di", "Di", "nge", "ter", "xdi", "-", "share", "Post", "é", "_", " ", "ng", "1", "se"]),
                max_size=14).map("".join))
def test_affixed_scan_finds_what_the_plain_pattern_finds(text):
    from humaskit.lint.rules import terminology

    assert terminology.affixed(text) == [(m.start(), m.end(), m.group(2), m.start(2))
                                         for m in terminology.AFFIXED.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(rf"\A(?:{EMOJI.pattern})\Z"))
def test_every_character_of_an_emoji_is_an_emoji_part(emoji):
    assert all(EMOJI_PART.fullmatch(c) for c in emoji), emoji


# --- the words around a fix (humaskit.lint.fixcheck) ---------------------------------------------

def _around_by_scanning(text: str, body: int, start: int, end: int) -> tuple[int, int]:
    """The plain definition the fix check's word lookups stand for: scan for sentence ends and
    words from each fix outwards."""
    from humaskit.lint.fixcheck import _CONTEXT, _END, _REACH
    from humaskit.lint.matching import WORD

    first = max(body, start - _REACH)
    last = min(len(text), end + _REACH)
    ends = [m.end() for m in _END.finditer(text, first, start)]
    first = ends[-1] if ends else first
    stop = _END.search(text, end, last)
    last = stop.start() if stop else last
    before = [m.start() for m in WORD.finditer(text, first, start)]
    after = [m.end() for m in WORD.finditer(text, end, last)]
    left = before[-_CONTEXT] if len(before) >= _CONTEXT else (before[0] if before else start)
    right = after[_CONTEXT - 1] if len(after) >= _CONTEXT else (after[-1] if after else end)
    return left, right


AROUND_TEXT = st.lists(st.one_of(
    st.sampled_from(["kata ", "di ", "Dinkes ", "2026 "]),  # the plain words most fixes stand among
    st.sampled_from(list("ab- '’.!?\n\t,_") + ["x-y", "07.00", "  ", "é", "ꦗ"])), max_size=80).map("".join)


@given(AROUND_TEXT, st.data())
@settings(max_examples=1000, deadline=None)
def test_the_words_around_a_fix_are_what_scanning_finds(text, data):
    from humaskit.lint.finding import Finding
    from humaskit.lint.fixcheck import _around

    body = data.draw(st.integers(0, min(3, len(text))))
    start = data.draw(st.integers(body, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fix = Finding(path="-", line=1, column=1, end_line=1, end_column=1, rule="r", category="tone",
                  severity="warning", message="", fix="", start=start, end=end)
    assert _around(text, body, fix) == _around_by_scanning(text, body, start, end)


@SETTINGS
@given(FRONT, CAPTIONS)
def test_token_offsets_are_offsets_in_the_file(front, caption):
    """Rules read offsets in the file's text (no caption offsets to shift): the masked text is
    the whole text with the front matter blanked, line breaks kept."""
    from humaskit.lint.text import Tokens

    text = front + caption
    draft = parse_draft(text, "a.md")
    tokens = Tokens(draft.text, draft.body_start)
    masked, base = tokens.masked, draft.body_start
    assert len(masked) == len(text)
    assert masked[:base].strip() == "" and masked[:base].count("\n") == text[:base].count("\n")
    alone = Tokens(caption if base else text, 0)
    assert tokens.words == [(s + base, e + base, w) for s, e, w in alone.words]
    assert tokens.hashtags == [(s + base, e + base, h) for s, e, h in alone.hashtags]
    assert all(text[s:e] == w for s, e, w in tokens.words + tokens.urls + tokens.mentions)


CAPTION_FRONT = "---\ntitle: Uji coba\n---\n"


@SETTINGS
@given(CAPTIONS)
def test_front_matter_only_moves_the_findings(linter, caption):
    """Front matter that sets nothing the rules read moves every finding by its length and
    changes nothing else."""
    shift = len(CAPTION_FRONT)

    def seen(text, by):
        return sorted((f.rule, f.start - by, f.end - by, f.message, f.fix) for f in
                      linter.lint_text(text, "a.md").findings if f.start >= by)

    assert seen(CAPTION_FRONT + caption, shift) == seen(caption, 0)


DECIMAL_TEXT = st.lists(st.one_of(
    st.sampled_from(["Rp1.5", "2.5", "12.75", "1.500", "1.2.3", "v2.5", "x2.5", "_2.5", ",2.5", "10.30", "٣.٥"]),
    st.sampled_from([" km", "km", " m", "m", " mulai", " juta", " JUTA", "%", " %", "°C", " ton", " ha", " hari"]),
    st.text(alphabet="0123456789.,Rp kmgl%°", max_size=6)), max_size=20).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DECIMAL_TEXT)
def test_the_decimal_scan_finds_what_its_plain_pattern_finds(linter, caption):
    """grammar.decimal looks from each point and walks back over the digits in Python; the plain
    pattern below, with its lookbehind, is what it stands for."""
    import re

    from humaskit.lint.rules.grammar.numbers import _UNITS

    plain = re.compile(rf"(?:(?<=Rp)|(?<![\w.,]))(\d+)\.(\d{{1,2}})(?=[ \t]?(?:%|°|(?i:{_UNITS})\b|[mgl]\b))")
    expected = [(m.start(), m.end(), f"{m.group(1)},{m.group(2)}") for m in plain.finditer(caption)]
    found = [(f.start, f.end, f.fix) for f in linter.lint_text(caption, "a.md").findings if f.rule == "grammar.decimal"]
    assert found == expected
