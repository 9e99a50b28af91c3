eg = ExceptionGroup(
    "outer",
    [
        ValueError("top-level value"),
        ExceptionGroup("inner", [KeyError("deep key"), ValueError("deep value")]),
        RuntimeError("top-level runtime"),
    ],
)

print(repr(eg))
print(str(eg))

try:
    raise eg
except* ValueError as g:
    print("ValueError part:", repr(g))
except* KeyError as g:
    print("KeyError part:", repr(g))
except* Exception as g:
    print("rest:", repr(g))

match, rest = eg.split(ValueError)
print("split match:", repr(match))
print("split rest:", repr(rest))
print("subgroup(KeyError):", repr(eg.subgroup(KeyError)))
print("subgroup(lambda):", repr(eg.subgroup(lambda e: "top" in str(e))))
print("subgroup(OSError):", eg.subgroup(OSError))
