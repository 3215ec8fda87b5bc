words = ["straße", "ΟΔΟΣ ΟΔΟΣ", "ǅemal", "ﬁne ﬂow", "İstanbul", "they're bill's", "hello world", "ǆ", "ŉ", "ΐ", "Ⅻ ⅻ", "ß", "aBc DéF", "σς", "123abc", "ÉCOLE", "ǈubljana", "ı", "Σ", ""]
for w in words:
    print(repr(w), [w.upper(), w.lower(), w.casefold(), w.swapcase(), w.title(), w.capitalize()])
print("ß".upper() == "SS", "STRASSE".lower() == "straße".casefold(), "Straße".casefold() == "strasse")
s = "naïve café — 日本語 😀 café"
print(s.find("café"), s.rfind("café"), s.index("日"), s.rindex("é"), s.find("x"), s.find("é", 10), s.find("é", 4, 9), s.rfind("a", -5), "a😀b".find("b"))
try:
    s.index("zz")
except ValueError as e:
    print(e)
print(sorted(["é", "e", "z", "É", "日", "😀", "a"]), sorted("äaAbz"), max("aé"), "é" > "z")
for f in [lambda: 'é€'.encode('ascii'), lambda: '€'.encode('latin-1'), lambda: 'aé€'.encode('ascii', 'replace'), lambda: 'aé€'.encode('ascii', 'ignore'), lambda: 'aé'.encode('latin-1'), lambda: b'a\xe9'.decode('ascii'), lambda: b'a\xe9'.decode('latin-1'), lambda: ord(b'a\xe9'.decode('ascii', 'replace')[1]), lambda: b'a\xe9'.decode('ascii','ignore'), lambda: 'é'.encode('ascii', 'xmlcharrefreplace'), lambda: 'é😀'.encode('ascii', 'backslashreplace'), lambda: bytes('é', 'latin-1'), lambda: str(b'\xe9', 'latin-1'), lambda: 'é'.encode(), lambda: 'é'.encode('utf-8'), lambda: b'\xc3\xa9'.decode(), lambda: 'x'.encode('ebcdic')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
