"""Ingest: reading, encodings, HTML, article splitting, chrome stripping, metadata."""

from __future__ import annotations

import codecs
import html
from pathlib import Path

import opencc
import pytest

from yoy import ingest
from yoy.errors import InputError, NoReportError
from yoy.ingest import (
    chrome_rule,
    decode,
    detect_region,
    html_to_text,
    ingest_bytes,
    ingest_file,
    ingest_files,
    read_source,
    split_articles,
)
from yoy.models import IngestResult, Kind, Level, Report
from yoy.text import fold

RAW = Path(__file__).resolve().parents[1] / "fixtures" / "raw"
SEEDS = sorted(RAW.glob("0*.txt"))  # the five seed pages

EXPECTED = {  # (region, year): (kind, session, speaker, date)
    ("市南区", 2025): (Kind.FULL, "第十九届人民代表大会第四次会议", "刘存东", None),
    ("青岛市", 2025): (Kind.PARTIAL, None, None, None),
    ("城阳区", 2025): (Kind.SUMMARY, "第七届人民代表大会第四次会议", "殷连刚", None),
    ("即墨区", 2019): (Kind.FULL, "第十八届人民代表大会第三次会议", "吕涛", "2019-01-31"),
    ("崂山区", 2019): (Kind.FULL, "第十八届人民代表大会第三次会议", "赵燕", "2019-01-10"),
    ("城阳区", 2022): (Kind.FULL, "第七届人民代表大会第一次会议", "殷连刚", "2022-02-23"),
}
NEWS_TITLES = (
    "深圳青岛民企国企混改合作恳谈会顺利举办",
    "青岛国际人力资源产业园招商引资成果丰硕营收突破71亿",
    "崂山区领跑青岛外贸增速增长首位",
    "青岛世界工业互联网产业大会开幕",
    "青岛易科8000万项目签约落地海阳经济开发区",
    "青岛中央商务区招商引资添新动力",
    "青岛市培育高新技术企业重点工程助力招商引资驱动创新升级",
    "青岛市北小微企业创业青年收获创业锦囊指导与服务纪实",
)
CHROME_WORDS = (
    "免责", "ICP", "登录", "积分", "签到", "WAP", "当前位置", "Powered", "版权所有", "标签:", "相关评论",
    "快速回复", "返回顶部", "客服中心", "内容摘要", "记者", "投稿", "联系我们", "发表于", "复制链接", "Rank",
    "主办单位", "帖子", "显示全部楼层", "查看:", "设为首页", "本站",
)


def ingest_seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def seeds() -> IngestResult:
    return ingest_files(SEEDS)


@pytest.fixture(scope="module")
def by_key(seeds: IngestResult) -> dict[tuple[str, int], Report]:
    return {(r.meta.region, r.meta.year): r for r in seeds.reports}


def test_exactly_six_reports(seeds: IngestResult) -> None:
    keys = [(r.meta.region, r.meta.year) for r in seeds.reports]
    assert sorted(keys) == sorted(EXPECTED)


def test_news_stories_skipped_with_reasons(seeds: IngestResult) -> None:
    assert len(seeds.skipped) == len(NEWS_TITLES)
    for title in NEWS_TITLES:
        hit = [s for s in seeds.skipped if title in s.title]
        assert len(hit) == 1, title
        assert hit[0].source.startswith("003_")
        assert "各位代表" in hit[0].reason


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_metadata(by_key: dict[tuple[str, int], Report], key: tuple[str, int]) -> None:
    kind, session, speaker, date = EXPECTED[key]
    meta = by_key[key].meta
    assert (meta.region, meta.year, meta.kind) == (*key, kind)
    assert meta.session == session
    assert meta.speaker == speaker
    assert meta.date == date
    assert meta.level is (Level.CITY if key[0] == "青岛市" else Level.DISTRICT)
    assert meta.title
    assert len(meta.source_sha256) == 64


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_chrome_gone_and_lines_clean(by_key: dict[tuple[str, int], Report], key: tuple[str, int]) -> None:
    report = by_key[key]
    for word in CHROME_WORDS:
        assert word not in report.text, word
        assert word not in report.appendix, word
    for line in report.text.split("\n"):
        assert line and line == line.strip(" \t\u3000\u00a0")


def test_bodies_start_and_end_at_the_report(by_key: dict[tuple[str, int], Report]) -> None:
    assert by_key[("市南区", 2025)].text.startswith("青岛市市南区2025年政府工作报告")
    assert by_key[("城阳区", 2022)].text.startswith("2022年青岛市城阳区政府工作报告\n——2022年2月23日")
    assert by_key[("即墨区", 2019)].text.startswith("2019年青岛市即墨区人民政府工作报告\n――2019年1月31日")
    assert by_key[("城阳区", 2025)].text.startswith("看点十足")
    assert by_key[("青岛市", 2025)].text.startswith("我们也清醒看到")
    for key in EXPECTED:
        if EXPECTED[key][0] is not Kind.SUMMARY:
            assert fold(by_key[key].text).endswith("!"), key
    assert by_key[("城阳区", 2025)].text.endswith("推动社会治安向事前预防转型。")


def test_run_on_reports_stay_one_line(by_key: dict[tuple[str, int], Report]) -> None:
    for key in (("即墨区", 2019), ("崂山区", 2019)):
        lines = by_key[key].text.split("\n")
        assert len(lines) == 2  # headline, then the whole report as written
        assert len(lines[1]) > 10_000


def test_appendix_kept_apart(by_key: dict[tuple[str, int], Report]) -> None:
    shinan = by_key[("市南区", 2025)]
    assert shinan.appendix.startswith("附件")
    assert "名词解释" in fold(shinan.appendix).replace(" ", "")
    assert "“五做五抓”" in shinan.appendix
    assert "“五做五抓”:市南区出台" not in shinan.text
    for key, report in by_key.items():
        if key != ("市南区", 2025):
            assert report.appendix == ""


def _variant(tmp_path: Path, name: str, data: bytes) -> Report:
    path = tmp_path / name
    path.write_bytes(data)
    (report,) = ingest_file(path).reports
    return report


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-be", "utf-8-sig"])
def test_encodings_give_the_same_report(tmp_path: Path, encoding: str) -> None:
    seed = ingest_seed("004")
    original = ingest_file(seed).reports[0]
    text = seed.read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":  # Python writes no BOM for an explicit byte order; a saved page has one
        data = codecs.BOM_UTF16_BE + data
    report = _variant(tmp_path, seed.name, data)
    assert report.text == original.text
    assert report.meta.region == original.meta.region
    assert report.meta.year == original.meta.year
    assert report.meta.kind == original.meta.kind


def test_crlf_and_ideographic_spaces(tmp_path: Path) -> None:
    seed = ingest_seed("004")
    original = ingest_file(seed).reports[0]
    text = seed.read_text(encoding="utf-8").replace("\n", "\u3000\u00a0 \r\n")
    assert _variant(tmp_path, "crlf.txt", text.encode("utf-8")).text == original.text


def test_traditional_input(tmp_path: Path) -> None:
    s2t = opencc.OpenCC("s2t")
    seed = ingest_seed("004")
    traditional = s2t.convert(seed.read_text(encoding="utf-8"))
    report = _variant(tmp_path, "big5ish.txt", traditional.encode("utf-8"))
    assert (report.meta.region, report.meta.year, report.meta.kind) == ("城阳区", 2022, Kind.FULL)
    assert "城陽區" in report.text  # display text stays Traditional
    assert "城阳区" not in report.text
    assert report.meta.speaker is not None


def test_traditional_multi_article(tmp_path: Path) -> None:
    s2t = opencc.OpenCC("s2t")
    seed = ingest_seed("003")
    result = ingest_bytes(s2t.convert(seed.read_text(encoding="utf-8")).encode("utf-8"), "t.txt")
    keys = sorted((r.meta.region, r.meta.year) for r in result.reports)
    assert keys == [("即墨区", 2019), ("崂山区", 2019)]
    assert len(result.skipped) == len(NEWS_TITLES)


def ingest_html_page(lines: list[str]) -> str:
    paragraphs = "\n".join(f"<p>&nbsp;{html.escape(line)}</p>" for line in lines)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title>"
        "<style>p { margin: 0 }</style><script>var t = '各位代表:免责声明';</script></head><body>"
        "<header><a href='/'>首页</a> 登录 注册</header>"
        "<nav><ul><li>首页</li><li>新闻中心</li><li>政务公开</li></ul></nav>"
        "<div class='crumb'>当前位置:首页 &gt; 政务公开</div>"
        f"<div id='content'><h1>{html.escape(lines[0])}</h1>\n{paragraphs}</div>"
        "<aside>热点文章 <a>某某新闻</a></aside>"
        "<footer>版权所有:某某网站 <br> 鲁ICP备12345678号</footer>"
        "<script>document.write('广告')</script></body></html>"
    )


def test_html_input(tmp_path: Path) -> None:
    seed = ingest_seed("004")
    original = ingest_file(seed).reports[0]
    page = ingest_html_page(original.text.split("\n"))
    for name, data in (("page.html", page.encode("utf-8")), ("page.htm", page.encode("gb18030"))):
        report = _variant(tmp_path, name, data)
        assert report.text == original.text
        assert (report.meta.region, report.meta.year, report.meta.kind) == ("城阳区", 2022, Kind.FULL)
        assert report.meta.speaker == "殷连刚"


def test_html_sniffed_whatever_the_suffix(tmp_path: Path) -> None:
    original = ingest_file(ingest_seed("004")).reports[0]
    page = ingest_html_page(original.text.split("\n"))
    assert _variant(tmp_path, "saved.txt", page.encode("utf-8")).text == original.text


def test_html_to_text_blocks_and_dropped_elements() -> None:
    text = html_to_text(
        "<html><body><nav>导航</nav><div>甲<b>乙</b><br>丙</div><p>丁 &amp;\n 戊</p>"
        "<script>x()</script><style>.a{}</style><footer>页脚</footer><aside>边栏</aside>"
        "<!-- c --></body></html>"
    )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == ["甲乙", "丙", "丁 & 戊"]


def test_html_deep_nesting_does_not_recurse() -> None:
    page = "<html><body>" + "<div>" * 5000 + "深" + "</div>" * 5000 + "</body></html>"
    assert html_to_text(page).strip() == "深"


def test_split_articles_at_separator_lines() -> None:
    assert split_articles(["-", "a", "b", "2025-07-09", "-", "c", "---", "d"]) == [
        ["a", "b", "2025-07-09"], ["c"], ["d"]
    ]


def test_chrome_rules_match_chrome_not_prose() -> None:
    chrome = (
        "• WAP手机版", "当前位置 当前位置:首页 > 其他信息", "查看: 674|回复: 0", "[复制链接]",
        "TA的每日心情", "签到天数: 733 天", "Rank: 7Rank: 7Rank: 7",
        "发表于 2023-2-21 20:31:08 | 显示全部楼层 |阅读模式",
        "您需要登录后才可以回帖 登录 | 立即注册", "免责申明:本站所有内容仅供参考", "皖ICP备2023017023号",
        "标签:2025年 工作报告", "相关评论", "主办单位:老余 运行维护单位:老余", "版权所有:老余",
        "Powered by quyushuju X3.4 Licensed© 2008-2018 quyushuju Inc.", "客服中心",
        "快速回复 返回顶部 返回列表", "有想补充的信息?点我投稿", "- 联系我们", "(半岛全媒体记者 高勇男)",
        "内容摘要:青岛市市南区2025年…",
        # government sites (generic furniture, invented lines)
        "您当前的位置：首页 > 政务公开 > 政府工作报告", "首页 > 新闻中心",
        "发布时间：2024-01-18 来源：市政府办公厅",
        "2031-01-12 08:30  来源：星河融媒", "浏览次数：1234", "字号：大 中 小", "【打印本页】 【关闭窗口】",
        "主办：星河市人民政府办公厅", "网站标识码3301000001", "— 3 —", "第 3 页 共 20 页",
    )
    for line in chrome:
        assert chrome_rule(fold(line)) is not None, line
    for line in ("主题教育扎实开展。", "各位代表:", "一、2018年工作回顾", "全流域排水口实现编号标签化管理。",
                 "积分落户政策进一步完善。", "2019年1月10日", "首页经济加快发展。", "第三页纸上的数字。",
                 "主办了三场招商推介会。"):
        assert chrome_rule(fold(line)) is None, line


def test_partial_when_start_or_end_missing(tmp_path: Path) -> None:
    lines = ingest_file(ingest_seed("004")).reports[0].text.split("\n")
    part_two = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    headless = _variant(tmp_path, "headless.txt", "\n".join(lines[part_two:]).encode())
    assert (headless.meta.region, headless.meta.year, headless.meta.kind) == ("城阳区", 2022, Kind.PARTIAL)
    tailless = _variant(tmp_path, "tailless.txt", "\n".join(lines[:-3]).encode())
    assert tailless.meta.kind is Kind.PARTIAL
    assert tailless.meta.speaker == "殷连刚"


def test_region_detection() -> None:
    assert detect_region("2019年青岛市崂山区政府工作报告", "", "").name == "崂山区"  # type: ignore[union-attr]
    assert detect_region("青岛市政府工作报告", "", "").name == "青岛市"  # type: ignore[union-attr]
    national = detect_region("政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "")
    assert national is not None and national.level is Level.NATIONAL
    adhoc = detect_region("2023年张家口市宣化区政府工作报告", "", "")
    assert adhoc is not None
    assert (adhoc.name, adhoc.level, adhoc.parent) == ("宣化区", Level.DISTRICT, "张家口市")
    assert detect_region("", "", "全市上下,青岛发展,青岛港,全市人民。崂山实验室") is not None


def test_region_aliases_in_table() -> None:
    laoshan = next(r for r in ingest.regions() if r.name == "崂山区")
    assert {"崂山", "崂山区", "laoshan", "laoshanqu"} <= set(laoshan.aliases)
    assert laoshan.pinyin == "Laoshan"
    assert laoshan.parent == "青岛市"
    names = {r.name for r in ingest.regions()}
    qingdao = {
        "市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市",
    }
    assert qingdao <= names
    assert {"山东省", "广东省", "北京市", "全国"} <= names


# --- bad input ---------------------------------------------------------------------------------


def test_read_source_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(ingest.reading, "MAX_INPUT_BYTES", 1024)
    with pytest.raises(InputError, match="limit"):
        read_source(big)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_decode_refusals(data: bytes, match: str) -> None:
    with pytest.raises(InputError, match=match):
        decode(data, "f.txt")


def test_file_without_report(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("青岛新闻\n" + "今天天气很好,市民纷纷外出游玩。" * 40, encoding="utf-8")
    with pytest.raises(NoReportError, match="no government work report"):
        ingest_file(path)


def test_too_short_report_is_skipped() -> None:
    text = "2024年某某县政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作。" + "一、回顾。" * 40
    result = ingest_bytes(text.encode(), "short.txt")
    assert not result.reports
    assert "too short" in result.skipped[0].reason
