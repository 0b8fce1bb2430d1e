"""Draft parsing: front matter, offsets into the original file, and bad input."""

from __future__ import annotations

import pytest

from humaskit.errors import HumaskitError
from humaskit.draft import LineIndex, load_draft, parse_draft


def _only(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_front_matter_and_caption_split(guideline):
    draft = parse_draft("---\nagency: dinkes\nplatforms: [x]\npublish: 2026-12-03T09:00\n---\nHalo warga\n",
                        "a.md", guideline=guideline)
    assert draft.agency == "dinkes" and draft.platforms == ("x",)
    assert draft.publish.isoformat() == "2026-12-03T09:00:00"
    assert draft.caption == "Halo warga\n"


def test_defaults_and_command_line_fill_what_front_matter_leaves_out(guideline):
    draft = parse_draft("Halo warga", "a.txt", guideline=guideline, platforms=["x"])
    assert draft.platforms == ("x",)
    # No agency is assumed: the default agency's hashtags would be demanded of every agency.
    assert draft.agency is None and guideline["defaults"]["agency"]
    assert draft.kind == "post"
    assert parse_draft("Halo warga", "a.txt", guideline=guideline, agency="dinkes").agency == "dinkes"


def test_a_draft_without_agency_is_not_told_to_add_another_agencys_hashtags(guideline):
    from humaskit.lint.engine import Linter

    linter = Linter(guideline)
    result = linter.lint_text("Jadwal posyandu pekan ini. #KotaTasikmalaya\n", path="a.txt")
    default_tags = guideline.agencies[guideline["defaults"]["agency"]]["hashtags"]
    assert default_tags and not [f for f in result.findings if f.rule == "hashtag.required"]
    assert any("tanpa 'agency'" in n for n in linter.notices)
    result = linter.lint_text("Jadwal posyandu pekan ini. #KotaTasikmalaya\n", path="a.txt", agency="dinkes")
    assert [f for f in result.findings if f.rule == "hashtag.required"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_positions_point_into_the_original_file(lint, newline):
    lines = ["---", "agency: dinkes", "platforms: [facebook]", "---", "Baris pertama.",
             "\tTab lalu emoji 👨‍👩‍👧 dan e\u0301 lalu kamu datang."]
    text = newline.join(lines) + newline
    found = _only(lint(text), "tone.pronoun")
    assert len(found) == 1
    f = found[0]
    line = lines[5]
    assert (f.line, f.column) == (6, line.index("kamu") + 1)
    assert f.end_column - f.column == 4
    # The offsets select exactly the word in the original text.
    assert text[f.start:f.end] == "kamu"


def test_byte_order_mark_is_kept_and_front_matter_still_read(guideline, lint):
    text = "\ufeff---\nagency: dishub\n---\nkamu\n"
    draft = parse_draft(text, "a.md", guideline=guideline)
    assert draft.agency == "dishub"
    f = _only(lint(text), "tone.pronoun")[0]
    assert (f.line, f.column) == (4, 1)


def test_line_index_round_trip():
    text = "ab\r\ncd\n\nef"
    index = LineIndex.of(text)
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 1)
    assert index.position(8) == (4, 1)


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nagency: dinkes\nHalo", "a.md")
    assert "ditutup" in str(info.value) and "a.md:1" in str(info.value)


def test_malformed_front_matter_yaml_names_the_line():
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nagency: dinkes\nplatforms: [x\n---\nHalo", "a.md")
    assert info.value.problems[0].line in (3, 4)
    assert "YAML tidak valid" in str(info.value)


def test_unknown_agency_and_platform_are_named_with_a_suggestion(guideline):
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nagency: dinkez\nplatforms: [instagram, facebok]\n---\nHalo", "a.md", guideline=guideline)
    text = str(info.value)
    assert "a.md:2:1: [agency]" in text and "'dinkes'" in text
    assert "a.md:3:24: [platforms[1]]" in text and "'facebook'" in text


def test_front_matter_typo_gets_a_did_you_mean(guideline):
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nplatfroms: [x]\n---\nHalo", "a.md", guideline=guideline)
    assert "'platforms'" in str(info.value) and "a.md:2:1" in str(info.value)


def test_bad_publish_time(guideline):
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\npublish: besok pagi\n---\nHalo", "a.md", guideline=guideline)
    assert "2026-12-03T09:00" in str(info.value)


def test_unknown_command_line_agency(guideline):
    with pytest.raises(HumaskitError) as info:
        parse_draft("Halo", "a.txt", guideline=guideline, agency="dinkez")
    assert "--agency" in str(info.value)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("Halo warga\nCaf\xe9".encode("latin-1"))
    with pytest.raises(HumaskitError) as info:
        load_draft(path)
    assert "UTF-8" in str(info.value) and info.value.problems[0].line == 2


def test_huge_file_is_refused_without_reading_it_as_a_post(tmp_path):
    path = tmp_path / "besar.md"
    path.write_bytes(b"kata " * 1_000_000)  # 5 MB
    with pytest.raises(HumaskitError) as info:
        load_draft(path)
    assert "terlalu besar" in str(info.value)


def test_empty_file_lints_without_crashing(lint):
    found = lint("")
    assert {f.rule for f in found} <= {"hashtag.required", "platform.image-required"}


def test_missing_file(tmp_path):
    with pytest.raises(HumaskitError) as info:
        load_draft(tmp_path / "tidak-ada.md")
    assert "tidak ditemukan" in str(info.value)


def test_duplicate_front_matter_key_is_an_error():
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nagency: dinkes\nagency: dishub\n---\nHalo", "a.md")
    assert "dua kali" in str(info.value) and info.value.problems[0].line == 3


def test_impossible_unquoted_date_is_located():
    with pytest.raises(HumaskitError) as info:
        parse_draft("---\nagency: dinkes\npublish: 2026-11-31\n---\nHalo", "a.md")
    problem = info.value.problems[0]
    assert (problem.line, problem.key) == (3, "publish") and "2026-11-31" in problem.message
