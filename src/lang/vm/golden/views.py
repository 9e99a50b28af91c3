d = {"a": 1, "b": 2}
print(sorted(d.keys() & {"a", "z"}), sorted(d.keys() | ["c"]), sorted(d.keys() - {"a"}))
print("{x}-{y}".format_map({"x": 1, "y": 2}), "ab c".isprintable(), "a\n".isprintable())
