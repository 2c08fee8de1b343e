#!/usr/bin/env python3
"""Mechanical checks of the gold files in testdata/gold against testdata/docs.

usage: python3 testdata/tools/check_gold.py [--numerals] [rNN ...]

- every gold file loads, has the SCHEMA.md keys, and its id/source name a doc;
- every place, org, theme and law string occurs in the decoded text of its doc
  (after reading scraping noise as meant: stray ` ' and . inside Chinese text,
  123l5, U+5DFF for 市, full-width forms);
- every count value occurs in the text, as digits (1.2万 for 12000 too) or as
  a Chinese numeral;
- --numerals also lists every numeral of the text, marking those that are gold
  count values, so that a reader can see what was left out and why.
"""
import html, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOCS, GOLD = os.path.join(ROOT, "docs"), os.path.join(ROOT, "gold")
KEYS = ["id", "source", "sha256", "genre", "title", "year", "places", "orgs",
        "themes", "laws", "dates", "counts"]
GENRES = {"3·15", "安全生产月", "普法", "禁毒", "食品安全", "消防", "环保", "科普", "反诈", "other"}
KINDS = {"gov", "assoc", "company", "media", "school", "hospital", "other"}
CN = "零一二三四五六七八九"


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-bom"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gbk"), "gbk"


def clean(s):
    s = unicodedata.normalize("NFKC", s).replace("\u5dff", "市").replace("123l5", "12315")
    s = re.sub(r"(?<=[\u4e00-\u9fff])[`'.](?=[\u4e00-\u9fff])", "", s)
    return s


def cn_numeral(n):
    if n < 10:
        return [CN[n]] + (["两", "兩"] if n == 2 else [])
    if n < 20:
        return ["十" + (CN[n % 10] if n % 10 else "")]
    if n < 100:
        return [CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")]
    return []


def forms(v):
    out = []
    if float(v).is_integer():
        v = int(v)
        out.append(str(v))
        out += cn_numeral(v)
        if v >= 10000:
            w = v / 10000
            for wan in ("万", "萬"):
                out.append(("%g" % w) + wan)
                out.append(("%g" % w) + "多" + wan)
                out.append(("%g" % w) + "余" + wan)
                out.append(("%g" % w) + "餘" + wan)
    else:
        out.append(("%g" % v))
    return out


def main():
    args = sys.argv[1:]
    numerals = "--numerals" in args
    only = [a for a in args if not a.startswith("--")]
    docs = {os.path.splitext(f)[0]: f for f in os.listdir(DOCS)}
    bad = 0
    for f in sorted(os.listdir(GOLD)):
        if not re.fullmatch(r"[a-z]+\d+\.json", f):
            continue
        gid = f[:-5]
        if only and gid not in only:
            continue
        g = json.load(open(os.path.join(GOLD, f), encoding="utf-8"))
        errs = []
        if list(g.keys()) != KEYS:
            errs.append("keys %s" % list(g.keys()))
        if g["id"] != gid or gid not in docs or g["source"] != docs[gid]:
            errs.append("id/source mismatch: %s %s" % (g["id"], g["source"]))
        if g["genre"] not in GENRES:
            errs.append("genre %s" % g["genre"])
        text, enc = decode(open(os.path.join(DOCS, docs.get(gid, "")), "rb").read())
        if docs[gid].endswith((".html", ".htm")):
            text = html.unescape(text)
        t = clean(text)
        if g["title"] and clean(g["title"]) not in t:
            errs.append("title not in text")
        for field in ("places", "themes", "laws"):
            if len(set(g[field])) != len(g[field]):
                errs.append("duplicate in %s" % field)
            for s in g[field]:
                if clean(s) not in t:
                    errs.append("%s: %r not in text" % (field, s))
        names = [o["name"] for o in g["orgs"]]
        if len(set(names)) != len(names):
            errs.append("duplicate org")
        for o in g["orgs"]:
            if o["kind"] not in KINDS:
                errs.append("kind %r" % o)
            if clean(o["name"]) not in t:
                errs.append("orgs: %r not in text" % o["name"])
        for d in g["dates"]:
            if not re.fullmatch(r"(\d{4}|-)-\d\d-\d\d", d):
                errs.append("date %r" % d)
            m = re.fullmatch(r"(\d{4}|-)-(\d\d)-(\d\d)", d)
            if m and m.group(1) != "-" and m.group(1) not in t:
                errs.append("year of %r not in text" % d)
        if len(set(g["dates"])) != len(g["dates"]):
            errs.append("duplicate date")
        for c in g["counts"]:
            if set(c) != {"value", "unit", "object", "approx"}:
                errs.append("count keys %r" % c)
            if not any(x in t for x in forms(c["value"])):
                errs.append("count value %r not in text" % c["value"])
            strip = lambda x: re.sub(r"[()/]", "", x)
            if c["unit"] and strip(clean(c["unit"])) not in strip(t):
                errs.append("unit %r not in text" % c["unit"])
        print("%-4s %-10s %-6s places %2d orgs %2d themes %d laws %d dates %2d counts %3d  %s" % (
            gid, enc, g["genre"], len(g["places"]), len(g["orgs"]), len(g["themes"]),
            len(g["laws"]), len(g["dates"]), len(g["counts"]), "OK" if not errs else "ERRORS"))
        for e in errs:
            print("     - " + e)
        bad += bool(errs)
        if numerals:
            vals = {}
            for c in g["counts"]:
                for x in forms(c["value"]):
                    vals[x] = vals.get(x, 0) + 1
            for m in re.finditer(r"\d+(?:\.\d+)?[万萬]?|[一二两兩三四五六七八九十]+", t):
                s = m.group(0)
                ctx = t[max(0, m.start() - 8):m.end() + 6].replace("\n", " ")
                mark = "*" if s in vals else " "
                print("       %s %-8s %s" % (mark, s, ctx))
    print("%d file(s) with errors" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
