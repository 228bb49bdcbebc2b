"""URL slugs: pinyin read by the word, Latin and digits kept, everything else dropped."""
import pytest
from pypinyin import lazy_pinyin

from generator.inputs.load import load
from generator.model.slugs import READINGS, slugify, sort_key
from tests.conftest import ROOT


@pytest.mark.parametrize("text, slug", [
    ("市政府法制办", "shi-zheng-fu-fa-zhi-ban"),
    # polyphones: the reading is the word's, not the character's
    ("建立长效机制", "jian-li-chang-xiao-ji-zhi"),
    ("行政执法", "xing-zheng-zhi-fa"),
    ("重大行政决策", "zhong-da-xing-zheng-jue-ce"),
    ("银行", "yin-hang"),
    ("法律顾问", "fa-lv-gu-wen"),
    # Latin and digits next to Han
    ("12345市民服务热线", "12345-shi-min-fu-wu-re-xian"),
    ("e政务平台", "e-zheng-wu-ping-tai"),
    ("2017年度", "2017-nian-du"),
    ("互联网+政务服务", "hu-lian-wang-zheng-wu-fu-wu"),
    # full-width Latin, digits and punctuation
    ("ＡＢＣ办１２", "abc-ban-12"),
    ("各县（区）人民政府", "ge-xian-qu-ren-min-zheng-fu"),
    ("深化“放管服”，进一步优化发展环境", "shen-hua-fang-guan-fu-jin-yi-bu-you-hua-fa-zhan-huan-jing"),
    ("Café办", "cafe-ban"),
    # nothing with a reading: the validator asks for a pinned slug
    ("「」——", ""),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("word, reading", sorted(READINGS.items()))
def test_every_reading_corrects_pypinyin(word, reading):
    assert lazy_pinyin(word) != reading.split(), f"{word} needs no entry in READINGS"
    assert slugify(word) == reading.replace(" ", "-")


def test_words_of_the_real_data_that_need_a_correction():
    data = load(ROOT / "data" / "plans" / "2017.yaml").data
    names = [unit["name"] for unit in data["units"]]
    names += [s["title"] for s in data["sections"]]
    names += [t["title"] for s in data["sections"] for t in s["tasks"]]
    corrected = {(word, name) for name in names for word in READINGS if word in name}
    assert corrected == {("长效", "建立政府规章和规范性文件清理长效机制")}
    assert slugify("建立政府规章和规范性文件清理长效机制") == \
        "jian-li-zheng-fu-gui-zhang-he-gui-fan-xing-wen-jian-qing-li-chang-xiao-ji-zhi"


def test_sort_key_orders_by_pinyin():
    names = ["市政府法制办", "市财政局", "市司法局", "各县（区）人民政府"]
    assert sorted(names, key=sort_key) == ["各县（区）人民政府", "市财政局", "市司法局", "市政府法制办"]


def test_a_rebuild_reads_every_url_from_the_cache_without_pypinyin(tmp_path, monkeypatch):
    """The pinyin of each name is kept in .cache/; a rebuild finds the same pages at the same
    URLs without asking pypinyin for any."""
    from generator.build import load_site
    from generator.model import slugs
    from generator.model.word_cache import WordCache

    def pages():
        slugs.syllables.cache_clear()  # the run's own memory of them, which a new build has not
        return [page.path for page in load_site(ROOT / "data")[1].pages]
    cache = tmp_path / "syllables.json"
    monkeypatch.setattr(slugs, "SYLLABLES", WordCache(cache, "pypinyin", slugs.__file__))
    read = pages()
    slugs.SYLLABLES.save()
    monkeypatch.setattr(slugs, "SYLLABLES", WordCache(cache, "pypinyin", slugs.__file__))

    def no_pypinyin(text):
        raise AssertionError(f"pypinyin asked to read {text}")
    monkeypatch.setattr(slugs, "_pinyin", no_pypinyin)
    assert pages() == read
    assert "units/shi-zheng-fu-fa-zhi-ban.md" in read
