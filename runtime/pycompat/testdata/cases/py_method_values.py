# a method passed as a value (not called) works for shimmed methods too
data = [3, 1, 3, 2, 3, 1]
print(max(set(data), key=data.count), sorted(set(data), key=data.count))
words = ["b", "a", "c"]
print(list(map(words.index, ["c", "a"])), sorted("cab", key=words.index))
text = "a-b-c"
print(list(map(text.split, ["-"])), list(map(str.upper, ["x", "y"])))
