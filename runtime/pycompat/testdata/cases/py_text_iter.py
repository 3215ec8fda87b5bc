# builtins that drain an iterable take a str (characters) or bytes (ints)
word = "banana"
print(list(word), tuple("ab"), sorted(word), set("aab") == {"a", "b"})
print(sorted("hello", reverse=True), max("hello"), min("zebra"))
print("-".join("abc"), "".join(reversed("abc")))
print(list(filter(str.isdigit, "a1b2c3")), list(map(ord, "AB")))
print(sum(b"\x01\x02\x03"), list(b"hi"), any("x"), all(""))
print(sum([True, True, False]), sum(c in "aeiou" for c in "education"))
print(list(enumerate("xy")), list(zip("ab", b"AB")))
