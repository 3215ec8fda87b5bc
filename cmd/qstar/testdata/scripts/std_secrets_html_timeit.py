import secrets, html, timeit, getpass
t = secrets.token_hex(8); print(len(t), all(c in "0123456789abcdef" for c in t))
print(len(secrets.token_bytes(5)), len(secrets.token_urlsafe(12)), secrets.randbelow(10) < 10, secrets.choice("abc") in "abc")
print(secrets.compare_digest("x", "x"), 0 <= secrets.randbits(7) < 128, secrets.SystemRandom().randint(1, 3) in (1, 2, 3))
print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<b>", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &#65;&#x42; &copy; &nosuch; &quot;"))
n = [0]
def f():
    n[0] += 1
print(timeit.timeit(f, number=100) >= 0, n[0])
print(timeit.timeit("x = sum(range(10))", number=10) >= 0, len(timeit.repeat(f, repeat=3, number=5)), n[0])
print(timeit.Timer("y = a * 2", setup="a = 21").timeit(3) >= 0)
print(type(getpass.getuser()).__name__)
